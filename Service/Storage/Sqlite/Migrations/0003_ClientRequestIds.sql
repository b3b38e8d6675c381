-- Idempotent retries: a retried PostTweet finds its first attempt through the unique index, also when both
-- attempts race; a retried SignUp is recognised by the request id kept with the user.
ALTER TABLE tweets ADD COLUMN client_request_id TEXT NULL;
CREATE UNIQUE INDEX uq_tweets_client_request ON tweets (author_id, client_request_id) WHERE client_request_id IS NOT NULL;
ALTER TABLE users ADD COLUMN signup_request_id TEXT NULL;
