-- AlterTable
ALTER TABLE "TeamResource" ADD COLUMN     "path" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE INDEX "TeamResource_path_idx" ON "TeamResource" USING GIN ("path" array_ops);

-- The assignment's copy of its resource's materialized path, kept by the database (never taken from a writer),
-- so that the exposure rule (lib/isolation/rule-sql.ts) finds the assignments below a resource with the GIN index
-- above instead of reading the resource's whole subtree (100,000 rows for a large database: bench/README.md).
CREATE OR REPLACE FUNCTION team_resource_set_path() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  SELECT r.path INTO NEW.path FROM "Resource" r WHERE r.id = NEW."resourceId" AND r."workspaceId" = NEW."workspaceId";
  RETURN NEW;
END $$;

CREATE TRIGGER team_resource_path BEFORE INSERT OR UPDATE OF "resourceId", "path" ON "TeamResource"
  FOR EACH ROW EXECUTE FUNCTION team_resource_set_path();

-- A move rewrites the paths of the moved resource's subtree (resource_move_subtree); the assignments in that
-- subtree follow in one statement, through the same GIN index.
CREATE OR REPLACE FUNCTION team_resource_follow_move() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.path IS DISTINCT FROM OLD.path THEN
    UPDATE "TeamResource"
       SET path = NEW.path || path[array_length(OLD.path, 1) + 1:]
     WHERE "workspaceId" = NEW."workspaceId" AND path @> ARRAY[OLD.id];
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER resource_path_moved_assignments AFTER UPDATE OF "parentId" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION team_resource_follow_move();

UPDATE "TeamResource" tr SET path = r.path FROM "Resource" r WHERE r.id = tr."resourceId" AND r."workspaceId" = tr."workspaceId";
