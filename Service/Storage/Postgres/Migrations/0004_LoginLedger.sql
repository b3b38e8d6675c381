-- What the login throttle and the replay check share between instances (Storage/Postgres/PostgresLoginLedger.cs).
-- Accounts are canonical usernames, not user ids: unknown usernames are throttled too. Every row has an end of
-- life that the sweep removes, so the tables stay bounded by the throttle's limits and the nonce window.
CREATE TABLE login_failures (
    id        uuid        NOT NULL PRIMARY KEY,
    account   text        NOT NULL,
    address   text        NOT NULL,
    failed_at timestamptz NOT NULL
);

CREATE INDEX ix_login_failures_account ON login_failures (account, failed_at);
CREATE INDEX ix_login_failures_address ON login_failures (address, failed_at);
CREATE INDEX ix_login_failures_failed_at ON login_failures (failed_at);

-- Addresses each account logged in from successfully, with the last time.
CREATE TABLE login_addresses (
    account      text        NOT NULL,
    address      text        NOT NULL,
    succeeded_at timestamptz NOT NULL,
    PRIMARY KEY (account, address)
);

CREATE INDEX ix_login_addresses_succeeded_at ON login_addresses (succeeded_at);

CREATE TABLE used_nonces (
    account    text        NOT NULL,
    nonce      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (account, nonce)
);

CREATE INDEX ix_used_nonces_expires_at ON used_nonces (expires_at);
