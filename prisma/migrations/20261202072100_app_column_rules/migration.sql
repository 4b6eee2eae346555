-- The database's own column rules (#15 item 10). Row-level security decides which rows the app role may update,
-- not which columns: an editor who may edit a resource's description could also re-parent it under a client's
-- schema, and a person who may rename themselves could also set their own status, e-mail or session version. These
-- triggers fire for the app role only (the owner's system writes are not concerned) and refuse, with 42501 like a
-- policy would, any change outside what lib/policy allows:
--   Resource: an editor changes description and tags (updatedAt and the search vector follow); admins anything.
--   User:     one's own name and password hash (the session version only forward, as a password change does);
--             an admin also a member's status and session version; nobody the e-mail, id or creation time.
-- Named to fire before resource_path and resource_search (BEFORE triggers run in name order), so a forged parentId
-- is seen before the path is recomputed from it.

CREATE OR REPLACE FUNCTION app_resource_column_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT app_is_admin()) THEN
    RETURN NEW;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId"
     OR NEW.type IS DISTINCT FROM OLD.type OR NEW.name IS DISTINCT FROM OLD.name
     OR NEW."parentId" IS DISTINCT FROM OLD."parentId" OR NEW.path IS DISTINCT FROM OLD.path
     OR NEW.depth IS DISTINCT FROM OLD.depth OR NEW."externalKey" IS DISTINCT FROM OLD."externalKey"
     OR NEW.meta IS DISTINCT FROM OLD.meta OR NEW."removedAt" IS DISTINCT FROM OLD."removedAt"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'only the description and tags of a resource may be changed here'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS resource_column_rules ON "Resource";
CREATE TRIGGER resource_column_rules BEFORE UPDATE ON "Resource"
  FOR EACH ROW WHEN (current_user = 'enclave_app') EXECUTE FUNCTION app_resource_column_rules();

CREATE OR REPLACE FUNCTION app_user_column_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own boolean := NEW.id = (SELECT app_user_id());
  admin boolean := (SELECT app_is_admin());
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.email IS DISTINCT FROM OLD.email OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt"
     OR NEW."sessionVersion" < OLD."sessionVersion"
     OR (NOT own AND (NEW.name IS DISTINCT FROM OLD.name OR NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash"
                      OR NEW."lastActiveAt" IS DISTINCT FROM OLD."lastActiveAt"))
     OR (NOT admin AND NEW.status IS DISTINCT FROM OLD.status)
     OR (NOT own AND NOT admin) THEN
    RAISE EXCEPTION 'that change to a person is not allowed here'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS user_column_rules ON "User";
CREATE TRIGGER user_column_rules BEFORE UPDATE ON "User"
  FOR EACH ROW WHEN (current_user = 'enclave_app') EXECUTE FUNCTION app_user_column_rules();
