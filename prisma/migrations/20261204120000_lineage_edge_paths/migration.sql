-- AlterTable
ALTER TABLE "LineageEdge" ADD COLUMN     "fromPath" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "toPath" UUID[] DEFAULT ARRAY[]::UUID[];

-- The edge's copies of its ends' paths, kept by the database: set from the resources on every insert and update
-- (a writer's value is overwritten), and rewritten when a resource's path changes (a move; the subtree's rows are
-- rewritten by resource_move_subtree, each of which fires this too).
CREATE OR REPLACE FUNCTION lineage_edge_set_paths() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  SELECT r.path INTO NEW."fromPath" FROM "Resource" r WHERE r.id = NEW."fromId" AND r."workspaceId" = NEW."workspaceId";
  SELECT r.path INTO NEW."toPath" FROM "Resource" r WHERE r.id = NEW."toId" AND r."workspaceId" = NEW."workspaceId";
  RETURN NEW;
END $$;

CREATE TRIGGER lineage_edge_paths BEFORE INSERT OR UPDATE OF "workspaceId", "fromId", "toId", "fromPath", "toPath" ON "LineageEdge"
  FOR EACH ROW EXECUTE FUNCTION lineage_edge_set_paths();

CREATE OR REPLACE FUNCTION lineage_edge_follow_path() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "LineageEdge" SET "fromPath" = NEW.path WHERE "workspaceId" = NEW."workspaceId" AND "fromId" = NEW.id;
  UPDATE "LineageEdge" SET "toPath" = NEW.path WHERE "workspaceId" = NEW."workspaceId" AND "toId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER resource_path_moved_lineage AFTER UPDATE OF "parentId", "path" ON "Resource"
  FOR EACH ROW WHEN (NEW.path IS DISTINCT FROM OLD.path) EXECUTE FUNCTION lineage_edge_follow_path();

UPDATE "LineageEdge" e SET "fromPath" = "fromPath";

-- Reading: an edge is visible when both ends are, each end tested as the Resource policy tests a row (its keys
-- against app_resource_keys(): the workspace for admins, the viewer's roots otherwise) on the row's own copies.
-- Before, each edge row looked both ends up in "Resource" (two EXISTS, each under Resource's own policy): the
-- guest's lineage of a 10,000-edge neighbourhood spent most of its time there (bench/README.md). Writes keep
-- their policies (20261202060100): they look the ends up, and are rare.
DROP POLICY app_select ON "LineageEdge";
CREATE POLICY app_select ON "LineageEdge" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND ((SELECT app_is_admin())
              OR ((ARRAY["workspaceId"] || "fromPath") && (SELECT app_resource_keys())
                  AND (ARRAY["workspaceId"] || "toPath") && (SELECT app_resource_keys()))));
