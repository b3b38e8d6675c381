-- Counts kept on write: reads take them from columns instead of counting rows. Triggers keep them in the same
-- transaction as the write that changes them, also for the rows ON DELETE CASCADE removes with a tweet or a user,
-- so they are exact whatever path wrote the rows (the service, the seeder, a group commit).
ALTER TABLE tweets ADD COLUMN like_count    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tweets ADD COLUMN retweet_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tweets ADD COLUMN reply_count   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tweets ADD COLUMN quote_count   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN followers_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN following_count INTEGER NOT NULL DEFAULT 0;

UPDATE tweets SET
    like_count    = (SELECT count(*) FROM likes l WHERE l.tweet_id = tweets.id),
    retweet_count = (SELECT count(*) FROM retweets r WHERE r.tweet_id = tweets.id),
    reply_count   = (SELECT count(*) FROM tweets x WHERE x.in_reply_to_id = tweets.id),
    quote_count   = (SELECT count(*) FROM tweets x WHERE x.quoted_tweet_id = tweets.id);
UPDATE users SET
    followers_count = (SELECT count(*) FROM follows f WHERE f.followee_id = users.id),
    following_count = (SELECT count(*) FROM follows f WHERE f.follower_id = users.id);

CREATE TRIGGER tr_likes_count_insert AFTER INSERT ON likes BEGIN
    UPDATE tweets SET like_count = like_count + 1 WHERE id = new.tweet_id;
END;
CREATE TRIGGER tr_likes_count_delete AFTER DELETE ON likes BEGIN
    UPDATE tweets SET like_count = like_count - 1 WHERE id = old.tweet_id;
END;

CREATE TRIGGER tr_retweets_count_insert AFTER INSERT ON retweets BEGIN
    UPDATE tweets SET retweet_count = retweet_count + 1 WHERE id = new.tweet_id;
END;
CREATE TRIGGER tr_retweets_count_delete AFTER DELETE ON retweets BEGIN
    UPDATE tweets SET retweet_count = retweet_count - 1 WHERE id = old.tweet_id;
END;

CREATE TRIGGER tr_tweets_count_insert AFTER INSERT ON tweets
WHEN new.in_reply_to_id IS NOT NULL OR new.quoted_tweet_id IS NOT NULL BEGIN
    UPDATE tweets SET reply_count = reply_count + 1 WHERE id = new.in_reply_to_id;
    UPDATE tweets SET quote_count = quote_count + 1 WHERE id = new.quoted_tweet_id;
END;
CREATE TRIGGER tr_tweets_count_delete AFTER DELETE ON tweets
WHEN old.in_reply_to_id IS NOT NULL OR old.quoted_tweet_id IS NOT NULL BEGIN
    UPDATE tweets SET reply_count = reply_count - 1 WHERE id = old.in_reply_to_id;
    UPDATE tweets SET quote_count = quote_count - 1 WHERE id = old.quoted_tweet_id;
END;

CREATE TRIGGER tr_follows_count_insert AFTER INSERT ON follows BEGIN
    UPDATE users SET followers_count = followers_count + 1 WHERE id = new.followee_id;
    UPDATE users SET following_count = following_count + 1 WHERE id = new.follower_id;
END;
CREATE TRIGGER tr_follows_count_delete AFTER DELETE ON follows BEGIN
    UPDATE users SET followers_count = followers_count - 1 WHERE id = old.followee_id;
    UPDATE users SET following_count = following_count - 1 WHERE id = old.follower_id;
END;
