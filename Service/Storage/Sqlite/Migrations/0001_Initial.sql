-- Ids are lowercase UUID text: version 7 UUIDs then sort by creation time, which keyset paging relies on.
-- Times are Unix milliseconds (UTC).
CREATE TABLE users (
    id            TEXT    NOT NULL PRIMARY KEY,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    first_name    TEXT    NOT NULL,
    last_name     TEXT    NOT NULL,
    birth_date    TEXT    NULL,
    created_at    INTEGER NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username_key),
    CONSTRAINT uq_users_email UNIQUE (email_key)
) WITHOUT ROWID;

CREATE TABLE tweets (
    id         TEXT    NOT NULL PRIMARY KEY,
    author_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NULL
) WITHOUT ROWID;

CREATE INDEX ix_tweets_author_id ON tweets (author_id, id);
