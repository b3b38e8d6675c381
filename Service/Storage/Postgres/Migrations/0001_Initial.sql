-- Ids are native uuids: PostgreSQL orders them bytewise, as version 7 UUIDs need for keyset paging by time.
-- The *_key columns hold the lowercased handle and email the service computes, so uniqueness ignores case
-- exactly as in the SQLite schema.
CREATE TABLE users (
    id                uuid        NOT NULL PRIMARY KEY,
    username          text        NOT NULL,
    username_key      text        NOT NULL,
    email             text        NOT NULL,
    email_key         text        NOT NULL,
    password_hash     text        NOT NULL,
    first_name        text        NOT NULL,
    last_name         text        NOT NULL,
    birth_date        date        NULL,
    created_at        timestamptz NOT NULL,
    signup_request_id text        NULL,
    CONSTRAINT uq_users_username UNIQUE (username_key),
    CONSTRAINT uq_users_email UNIQUE (email_key)
);

CREATE TABLE tweets (
    id                uuid        NOT NULL PRIMARY KEY,
    author_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NULL,
    -- A retried PostTweet finds its first attempt through this constraint, also when both attempts race.
    client_request_id text        NULL,
    CONSTRAINT uq_tweets_client_request UNIQUE (author_id, client_request_id)
);

CREATE INDEX ix_tweets_author_id ON tweets (author_id, id);
