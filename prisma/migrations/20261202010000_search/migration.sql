-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "search" tsvector;

-- CreateTable
CREATE TABLE "RecentSearch" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "q" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecentSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecentSearch_workspaceId_userId_createdAt_idx" ON "RecentSearch"("workspaceId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecentSearch_workspaceId_userId_q_key" ON "RecentSearch"("workspaceId", "userId", "q");

-- CreateIndex
CREATE INDEX "Resource_search_idx" ON "Resource" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Resource_name_trgm_idx" ON "Resource" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "RecentSearch" ADD CONSTRAINT "RecentSearch_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecentSearch" ADD CONSTRAINT "RecentSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- Hand-written: the search vector and recent searches' row-level security.
--
-- "search" holds, in the 'simple' configuration (no stemming, no stop words, so identifiers survive), the
-- words of the resource's name (weight A), of its description (B) and of its ancestors' names (C). Names are
-- split into words first: customer_id → customer id, orders.customerId → orders customer Id, so that the
-- prefix query 'cust':* & 'id':* finds customer_id. lib/search/sql.ts never lets a C (ancestor) word count
-- for a non-admin unless that ancestor is visible to the viewer: a hidden ancestor's name is not revealed by
-- what matches it.

CREATE OR REPLACE FUNCTION search_words(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
           regexp_replace(coalesce(t, ''), '([[:lower:][:digit:]])([[:upper:]])', '\1 \2', 'g'),
           '[[:space:][:punct:]]+', ' ', 'g'))
$$;

-- Ancestors are read one by one by primary key: a set-based form lets a planner with stale statistics (a
-- first large sync into a new workspace) pick a workspace-wide scan per inserted row.
CREATE OR REPLACE FUNCTION resource_search_vector(ws uuid, rid uuid, rpath uuid[], rname text, rdescription text)
RETURNS tsvector LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  anc text := '';
  n text;
  i int;
BEGIN
  FOR i IN 1 .. coalesce(array_length(rpath, 1), 0) LOOP
    CONTINUE WHEN rpath[i] = rid;
    SELECT a.name INTO n FROM "Resource" a WHERE a.id = rpath[i] AND a."workspaceId" = ws;
    IF n IS NOT NULL THEN anc := anc || ' ' || search_words(n); END IF;
  END LOOP;
  RETURN setweight(to_tsvector('simple'::regconfig, search_words(rname)), 'A')
      || setweight(to_tsvector('simple'::regconfig, search_words(rdescription)), 'B')
      || setweight(to_tsvector('simple'::regconfig, anc), 'C');
END $$;

CREATE OR REPLACE FUNCTION resource_search_refresh() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.search := resource_search_vector(NEW."workspaceId", NEW.id, NEW.path, NEW.name, NEW.description);
  RETURN NEW;
END $$;

-- Fires after resource_path (BEFORE triggers run in name order), so NEW.path is already the new path; a
-- subtree move rewrites each descendant's path, which fires this again for each of them.
CREATE TRIGGER resource_search BEFORE INSERT OR UPDATE OF name, description, path, "parentId" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_search_refresh();

-- A renamed resource renames a word of every descendant's vector.
CREATE OR REPLACE FUNCTION resource_search_renamed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name THEN
    UPDATE "Resource" d SET search = resource_search_vector(d."workspaceId", d.id, d.path, d.name, d.description)
     WHERE d."workspaceId" = NEW."workspaceId" AND d.path @> ARRAY[NEW.id] AND d.id <> NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER resource_search_renamed AFTER UPDATE OF name ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_search_renamed();

UPDATE "Resource" SET search = resource_search_vector("workspaceId", id, path, name, description);

GRANT EXECUTE ON FUNCTION search_words(text) TO enclave_app;

-- Recent searches: each person reads and writes only its own, in the current workspace.
GRANT SELECT, INSERT, UPDATE, DELETE ON "RecentSearch" TO enclave_app;
ALTER TABLE "RecentSearch" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "RecentSearch" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');
CREATE POLICY app_own ON "RecentSearch" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND "userId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL)
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND "userId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL);
