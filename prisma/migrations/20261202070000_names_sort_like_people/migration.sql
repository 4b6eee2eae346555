-- Names sort as people sort them: case-insensitively and by language ("account" before "Working", "Émile"
-- next to "Emil"), on both engines. "und-x-icu" is ICU's root collation (PostgreSQL with ICU, and PGlite);
-- it is deterministic, so equality, the unique (workspaceId, name) constraints and LIKE behave as before.
-- Every btree index on these columns is rebuilt with the column's collation, so ORDER BY name (and the
-- id tie-break after it) is still served by its index; trigram and full-text indexes do not use collations.
ALTER TABLE "User" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
ALTER TABLE "Team" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
ALTER TABLE "Group" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
-- The search triggers name the column (UPDATE OF name): PostgreSQL wants them off while its type changes.
DROP TRIGGER resource_search ON "Resource";
DROP TRIGGER resource_search_renamed ON "Resource";
ALTER TABLE "Resource" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
CREATE TRIGGER resource_search BEFORE INSERT OR UPDATE OF name, description, path, "parentId" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_search_refresh();
CREATE TRIGGER resource_search_renamed AFTER UPDATE OF name ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_search_renamed();
ALTER TABLE "Automation" ALTER COLUMN "name" TYPE text COLLATE "und-x-icu";
