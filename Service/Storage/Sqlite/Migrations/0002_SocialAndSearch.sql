-- Replies, quotes and conversations; follows, likes and retweets; full-text search.
-- Relationship rows have their own time-ordered id, so lists of followers, likes and retweets page by keyset on it.
ALTER TABLE tweets ADD COLUMN conversation_id TEXT NULL;
ALTER TABLE tweets ADD COLUMN in_reply_to_id TEXT NULL;
ALTER TABLE tweets ADD COLUMN quoted_tweet_id TEXT NULL;
-- Insertion order as an integer: the rowid of the search index, which FTS5 can walk newest first without sorting.
ALTER TABLE tweets ADD COLUMN seq INTEGER NULL;

UPDATE tweets SET conversation_id = id;
WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tweets)
UPDATE tweets SET seq = (SELECT n FROM numbered WHERE numbered.id = tweets.id);

CREATE UNIQUE INDEX ix_tweets_seq ON tweets (seq);
CREATE INDEX ix_tweets_conversation ON tweets (conversation_id, id);
CREATE INDEX ix_tweets_in_reply_to ON tweets (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
CREATE INDEX ix_tweets_quoted ON tweets (quoted_tweet_id) WHERE quoted_tweet_id IS NOT NULL;

CREATE TABLE follows (
    id          TEXT    NOT NULL PRIMARY KEY,
    follower_id TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    CONSTRAINT uq_follows UNIQUE (follower_id, followee_id)
) WITHOUT ROWID;
CREATE INDEX ix_follows_follower ON follows (follower_id, id);
CREATE INDEX ix_follows_followee ON follows (followee_id, id);

CREATE TABLE likes (
    id         TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tweet_id   TEXT    NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    CONSTRAINT uq_likes UNIQUE (user_id, tweet_id)
) WITHOUT ROWID;
CREATE INDEX ix_likes_user ON likes (user_id, id);
CREATE INDEX ix_likes_tweet ON likes (tweet_id, id);

CREATE TABLE retweets (
    id         TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tweet_id   TEXT    NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    CONSTRAINT uq_retweets UNIQUE (user_id, tweet_id)
) WITHOUT ROWID;
CREATE INDEX ix_retweets_user ON retweets (user_id, id);
CREATE INDEX ix_retweets_tweet ON retweets (tweet_id, id);

-- '#', '@' and '_' belong to tokens, so "#soap" and "@ada" are terms of their own beside the word "soap".
-- author holds the author's id without dashes, for from: queries. Contentless: the text lives in tweets only.
CREATE VIRTUAL TABLE tweet_search USING fts5 (
    text, author,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '#@_'"
);
INSERT INTO tweet_search (rowid, text, author) SELECT seq, text, replace(author_id, '-', '') FROM tweets;

CREATE TRIGGER tr_tweets_search_insert AFTER INSERT ON tweets BEGIN
    INSERT INTO tweet_search (rowid, text, author) VALUES (new.seq, new.text, replace(new.author_id, '-', ''));
END;
CREATE TRIGGER tr_tweets_search_update AFTER UPDATE OF text ON tweets BEGIN
    DELETE FROM tweet_search WHERE rowid = old.seq;
    INSERT INTO tweet_search (rowid, text, author) VALUES (new.seq, new.text, replace(new.author_id, '-', ''));
END;
-- Also runs for the tweets that ON DELETE CASCADE removes with their author.
CREATE TRIGGER tr_tweets_search_delete AFTER DELETE ON tweets BEGIN
    DELETE FROM tweet_search WHERE rowid = old.seq;
END;
