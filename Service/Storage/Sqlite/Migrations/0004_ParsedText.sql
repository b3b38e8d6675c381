-- A tweet's weighted length and entities, parsed once when the text is written or edited (the entity form is
-- described in Storage/StoredEntities.cs). NULL in rows written before this script: a read parses their text.
-- Only adds columns, so it may run after 0006 on a database that already had it (DbUp runs every script it has
-- not journaled, in name order).
ALTER TABLE tweets ADD COLUMN weighted_length INTEGER NULL;
ALTER TABLE tweets ADD COLUMN entities TEXT NULL;
