-- Replies, quotes and conversations; follows, likes and retweets; full-text search.
-- Relationship rows have their own time-ordered id, so lists of followers, likes and retweets page by keyset on it.
ALTER TABLE tweets
    ADD COLUMN conversation_id uuid     NULL,
    ADD COLUMN in_reply_to_id  uuid     NULL,
    ADD COLUMN quoted_tweet_id uuid     NULL,
    -- The service writes the terms (PostgresSearch.Vector) so that they match SQLite's FTS5 tokens exactly:
    -- lowercased, without diacritics, with '#', '@' and '_' inside terms. This backfill agrees for ASCII text.
    ADD COLUMN search          tsvector NULL;

UPDATE tweets t SET conversation_id = t.id, search = coalesce(
    (SELECT string_agg(quote_literal(term) || ':' || n, ' ')
     FROM regexp_split_to_table(lower(t.text), '[^a-z0-9#@_]+') WITH ORDINALITY AS s(term, n)
     WHERE term <> '')::tsvector,
    ''::tsvector);

ALTER TABLE tweets
    ALTER COLUMN conversation_id SET NOT NULL,
    ALTER COLUMN search SET NOT NULL;

CREATE INDEX ix_tweets_conversation ON tweets (conversation_id, id);
CREATE INDEX ix_tweets_in_reply_to ON tweets (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
CREATE INDEX ix_tweets_quoted ON tweets (quoted_tweet_id) WHERE quoted_tweet_id IS NOT NULL;
CREATE INDEX ix_tweets_search ON tweets USING gin (search);

CREATE TABLE follows (
    id          uuid        NOT NULL PRIMARY KEY,
    follower_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    CONSTRAINT uq_follows UNIQUE (follower_id, followee_id)
);
CREATE INDEX ix_follows_follower ON follows (follower_id, id);
CREATE INDEX ix_follows_followee ON follows (followee_id, id);

CREATE TABLE likes (
    id         uuid        NOT NULL PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tweet_id   uuid        NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    CONSTRAINT uq_likes UNIQUE (user_id, tweet_id)
);
CREATE INDEX ix_likes_user ON likes (user_id, id);
CREATE INDEX ix_likes_tweet ON likes (tweet_id, id);

CREATE TABLE retweets (
    id         uuid        NOT NULL PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tweet_id   uuid        NOT NULL REFERENCES tweets (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    CONSTRAINT uq_retweets UNIQUE (user_id, tweet_id)
);
CREATE INDEX ix_retweets_user ON retweets (user_id, id);
CREATE INDEX ix_retweets_tweet ON retweets (tweet_id, id);
