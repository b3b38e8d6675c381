-- Counts kept on write: reads take them from columns instead of running four correlated count(*) per tweet.
-- Triggers keep them in the same transaction as the write that changes them, also for the rows ON DELETE CASCADE
-- removes with a tweet or a user. Each change is a row-locked "count = count ± 1", so concurrent writers on any
-- number of instances queue on the row and never lose an update.
ALTER TABLE tweets
    ADD COLUMN like_count    integer NOT NULL DEFAULT 0,
    ADD COLUMN retweet_count integer NOT NULL DEFAULT 0,
    ADD COLUMN reply_count   integer NOT NULL DEFAULT 0,
    ADD COLUMN quote_count   integer NOT NULL DEFAULT 0;
ALTER TABLE users
    ADD COLUMN followers_count integer NOT NULL DEFAULT 0,
    ADD COLUMN following_count integer NOT NULL DEFAULT 0;

UPDATE tweets t SET
    like_count    = (SELECT count(*) FROM likes l WHERE l.tweet_id = t.id),
    retweet_count = (SELECT count(*) FROM retweets r WHERE r.tweet_id = t.id),
    reply_count   = (SELECT count(*) FROM tweets x WHERE x.in_reply_to_id = t.id),
    quote_count   = (SELECT count(*) FROM tweets x WHERE x.quoted_tweet_id = t.id);
UPDATE users u SET
    followers_count = (SELECT count(*) FROM follows f WHERE f.followee_id = u.id),
    following_count = (SELECT count(*) FROM follows f WHERE f.follower_id = u.id);

CREATE FUNCTION count_likes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE tweets SET like_count = like_count + 1 WHERE id = NEW.tweet_id;
    ELSE
        UPDATE tweets SET like_count = like_count - 1 WHERE id = OLD.tweet_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_likes_count AFTER INSERT OR DELETE ON likes FOR EACH ROW EXECUTE FUNCTION count_likes();

CREATE FUNCTION count_retweets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE tweets SET retweet_count = retweet_count + 1 WHERE id = NEW.tweet_id;
    ELSE
        UPDATE tweets SET retweet_count = retweet_count - 1 WHERE id = OLD.tweet_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_retweets_count AFTER INSERT OR DELETE ON retweets FOR EACH ROW EXECUTE FUNCTION count_retweets();

CREATE FUNCTION count_replies_and_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed tweets;
    step integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := NEW;
        step := 1;
    ELSE
        changed := OLD;
        step := -1;
    END IF;
    IF changed.in_reply_to_id IS NOT NULL THEN
        UPDATE tweets SET reply_count = reply_count + step WHERE id = changed.in_reply_to_id;
    END IF;
    IF changed.quoted_tweet_id IS NOT NULL THEN
        UPDATE tweets SET quote_count = quote_count + step WHERE id = changed.quoted_tweet_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_tweets_count AFTER INSERT OR DELETE ON tweets FOR EACH ROW EXECUTE FUNCTION count_replies_and_quotes();

-- Both users' rows are locked in id order, so a follow A→B racing B→A cannot deadlock.
CREATE FUNCTION count_follows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    follower uuid;
    followee uuid;
    step integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        follower := NEW.follower_id;
        followee := NEW.followee_id;
        step := 1;
    ELSE
        follower := OLD.follower_id;
        followee := OLD.followee_id;
        step := -1;
    END IF;
    PERFORM 1 FROM users WHERE id IN (follower, followee) ORDER BY id FOR NO KEY UPDATE;
    UPDATE users SET followers_count = followers_count + step WHERE id = followee;
    UPDATE users SET following_count = following_count + step WHERE id = follower;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_follows_count AFTER INSERT OR DELETE ON follows FOR EACH ROW EXECUTE FUNCTION count_follows();
