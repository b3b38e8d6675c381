-- Tells every instance's tweet cache (Storage/Postgres/PostgresTweetCacheListener.cs) which cached tweets a committed
-- write may have changed. A cached tweet is its tweets row joined with its author's username and names, so the
-- triggers sit on exactly those two tables and catch every path that changes them: the store's statements, the count
-- triggers of 0005 (a like, retweet, reply or quote is an UPDATE of the counted tweet), ON DELETE CASCADE, the seed
-- command, an operator's SQL. NOTIFY is transactional: delivered at commit, never for a rolled-back write, and in
-- commit order. Payloads are one tweet id each (PostgreSQL folds repeats within a transaction) or '*': forget all.
-- An insert needs no notice: no cache holds a tweet before it exists, and its parents' counts change by UPDATE.
CREATE FUNCTION notify_tweet_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('tweet_changed', OLD.id::text);
    ELSE
        PERFORM pg_notify('tweet_changed', NEW.id::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tr_tweets_notify AFTER UPDATE OR DELETE ON tweets FOR EACH ROW EXECUTE FUNCTION notify_tweet_changed();

-- A user's names are in each of their tweets, which may be many: forget everything (renames are rare). Follower
-- counts and passwords also update users but are in no tweet, so they notify nothing. A deleted user's tweets
-- are deleted by cascade, each with its own notice.
CREATE FUNCTION notify_tweets_forgotten() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tweet_changed', '*');
    RETURN NULL;
END $$;
CREATE TRIGGER tr_users_notify AFTER UPDATE OF username, first_name, last_name ON users FOR EACH ROW
    WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name)
    EXECUTE FUNCTION notify_tweets_forgotten();

-- TRUNCATE fires no row trigger.
CREATE TRIGGER tr_tweets_truncate_notify AFTER TRUNCATE ON tweets FOR EACH STATEMENT EXECUTE FUNCTION notify_tweets_forgotten();
CREATE TRIGGER tr_users_truncate_notify AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_tweets_forgotten();
