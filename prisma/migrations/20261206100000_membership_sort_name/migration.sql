-- The members table sorts and filters on the name this workspace shows (the membership's own, shownName: the
-- invitation's or the identity provider's, until the account joins here; else the account's name) and on the
-- account's e-mail. The name is an expression over two tables, which no index serves, and both needed every
-- membership joined to User under User's row-level security: every members page sorted all 100,000 memberships
-- (#15 item 8 made the table 2-3x slower), and a text filter joined them all. Both are now kept on the membership
-- by the database itself (the name in the collation names sort by, 20261202070000_names_sort_like_people), with
-- indexes in the table's orders; the members table reads User only for the rows it shows.
ALTER TABLE "Membership" ADD COLUMN "sortName" TEXT COLLATE "und-x-icu" NOT NULL DEFAULT '',
ADD COLUMN "sortEmail" TEXT NOT NULL DEFAULT '';

UPDATE "Membership" m SET "sortName" = coalesce(m."shownName", u.name), "sortEmail" = u.email FROM "User" u WHERE u.id = m."userId";

-- Whatever a writer sends, the columns are what the membership and the account say (UPDATE OF the columns
-- themselves too, so nothing can set them to anything else). SECURITY DEFINER: the writer's row-level security
-- may hide the account (an invitation of someone who belongs to another workspace); the name is still its own.
CREATE OR REPLACE FUNCTION membership_set_sort_keys() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  acct "User"%ROWTYPE;
BEGIN
  SELECT * INTO acct FROM "User" u WHERE u.id = NEW."userId";
  NEW."sortName" := coalesce(NEW."shownName", acct.name, '');
  NEW."sortEmail" := coalesce(acct.email, '');
  RETURN NEW;
END $$;
CREATE TRIGGER membership_sort_keys BEFORE INSERT OR UPDATE OF "shownName", "userId", "sortName", "sortEmail" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION membership_set_sort_keys();

-- An account renamed or given another e-mail: every workspace's membership follows (the BEFORE trigger above
-- re-reads the account, so the values come from one place; a workspace's own shownName still wins).
CREATE OR REPLACE FUNCTION user_changed_sort_keys() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "Membership" SET "sortName" = '', "sortEmail" = '' WHERE "userId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER user_changed_sort_keys AFTER UPDATE OF name, email ON "User"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION user_changed_sort_keys();

-- The table's orders within a workspace (each with the id as the last tie-break), and the text filter
-- (ILIKE '%olga%': trigram indexes, as User's name and e-mail have).
CREATE INDEX "Membership_workspaceId_sortName_sortEmail_id_idx" ON "Membership"("workspaceId", "sortName", "sortEmail", "id");
CREATE INDEX "Membership_workspaceId_sortEmail_id_idx" ON "Membership"("workspaceId", "sortEmail", "id");
CREATE INDEX "Membership_workspaceId_status_sortEmail_id_idx" ON "Membership"("workspaceId", "status", "sortEmail", "id");
-- "Last active" lists the most recent first and the never-active last, as the table asks (DESC NULLS LAST).
CREATE INDEX "Membership_workspaceId_lastActiveAt_sortEmail_id_idx" ON "Membership"("workspaceId", "lastActiveAt" DESC NULLS LAST, "sortEmail", "id");
CREATE INDEX "Membership_sortName_trgm_idx" ON "Membership" USING gin ("sortName" gin_trgm_ops);
CREATE INDEX "Membership_sortEmail_trgm_idx" ON "Membership" USING gin ("sortEmail" gin_trgm_ops);

-- The text filter under row-level security. ILIKE (texticlike) is not LEAKPROOF, and only a superuser could mark
-- it so: PostgreSQL then applies the policies first and tests the pattern on every membership (a scan of all
-- 100,000, ~250 ms at 100,000 members), never through the trigram indexes. This asks the indexes as the owner,
-- for the session's own workspace and for its admins only (the members table is theirs), and answers only
-- membership ids; the caller's query still reads those rows under its policies (`id = ANY(...)`, a LEAKPROOF
-- equality, is an index condition there). Nobody learns anything the policies would not show them.
CREATE OR REPLACE FUNCTION app_members_matching(pattern text) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(m.id), '{}'::uuid[]) FROM "Membership" m
   WHERE (SELECT app_is_admin()) AND m."workspaceId" = (SELECT app_workspace_id())
     AND (m."sortName" ILIKE pattern OR m."sortEmail" ILIKE pattern)
$$;
