-- A team's effective member count, kept on the team by the database. The teams table sorted by members counted
-- the members of all 2,000 teams of a large workspace for every page (287 ms at 100,000 members, #20); it now sorts
-- 2,000 integers. The count is exact: people read it as exact, so every write that can change it (a direct member,
-- a group's member, a group linked or unlinked, a role to or from Guest for General, a deletion's cascades)
-- recounts the teams it touches by the rule itself, never by adding or subtracting.
ALTER TABLE "Team" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 0;

-- The rule (lib/policy's teamMemberIds; lib/access/team-members.ts states it as queries): direct members ∪ members
-- of the groups linked to the team ∪, for General, every non-guest of the workspace. For General it is counted as
-- |non-guests| + |(direct ∪ groups) without the non-guests|: a count by the (workspaceId, role) index rather than a
-- union that hashes every person of the workspace.
CREATE OR REPLACE FUNCTION team_member_count(ws uuid, team uuid, is_default boolean) RETURNS integer LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT ((SELECT count(*) FROM "Membership" m WHERE is_default AND m."workspaceId" = ws AND m.role <> 'GUEST')
    + (SELECT count(*) FROM (
        SELECT tm."userId" FROM "TeamMember" tm WHERE tm."workspaceId" = ws AND tm."teamId" = team
        UNION
        SELECT gm."userId" FROM "TeamGroup" tg JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
         WHERE tg."workspaceId" = ws AND tg."teamId" = team
      ) u WHERE NOT is_default OR NOT EXISTS (SELECT 1 FROM "Membership" n WHERE n."workspaceId" = ws AND n."userId" = u."userId" AND n.role <> 'GUEST')))::int
$$;

-- Recounts these teams. Concurrency (READ COMMITTED): two transactions adding members to one team each count
-- without seeing the other's uncommitted row, so a count made in the same statement as the lock could be written
-- last and lose the other's member. The teams' rows are locked first (in id order: writers of overlapping teams
-- queue rather than deadlock; NO KEY UPDATE: foreign-key checks of other writers are not blocked), and the count
-- is made by the next statement, which in this VOLATILE function takes a new snapshot: by then every earlier
-- holder of the lock has committed, so whoever recounts last sees every committed change. (Under REPEATABLE READ
-- the lock of a row another transaction changed fails with a serialization error instead: never a wrong count.)
-- SECURITY DEFINER: the writer's row-level security may hide members, groups or the team itself; the count is the
-- rule's, not the writer's view of it. Only rows whose count changed are written.
CREATE OR REPLACE FUNCTION team_member_recount(teams uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF teams IS NULL OR cardinality(teams) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "Team" t WHERE t.id = ANY(teams) ORDER BY t.id FOR NO KEY UPDATE OF t;
  PERFORM set_config('enclave.team_member_recount', 'on', true);
  UPDATE "Team" t SET "memberCount" = c.n
    FROM (SELECT x.id, team_member_count(x."workspaceId", x.id, x."isDefault") AS n FROM "Team" x WHERE x.id = ANY(teams)) c
   WHERE t.id = c.id AND t."memberCount" IS DISTINCT FROM c.n;
  PERFORM set_config('enclave.team_member_recount', 'off', true);
END $$;

-- Whatever a writer sends, the count is the recount's: a new team starts at 0 (no member row can exist before it),
-- and an update keeps the count unless team_member_recount is writing it.
CREATE OR REPLACE FUNCTION team_keep_member_count() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF current_setting('enclave.team_member_recount', true) IS DISTINCT FROM 'on' THEN
    NEW."memberCount" := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD."memberCount" END;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER team_keep_member_count BEFORE INSERT OR UPDATE OF "memberCount" ON "Team"
  FOR EACH ROW EXECUTE FUNCTION team_keep_member_count();

-- A new General has every non-guest already; a team that becomes (or stops being) General, or moves, is recounted.
-- One statement per event: a trigger with transition tables takes one event only.
CREATE OR REPLACE FUNCTION team_member_count_team_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM team_member_recount(ARRAY(SELECT n.id FROM new_rows n WHERE n."isDefault"));
  ELSE
    PERFORM team_member_recount(ARRAY(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
                                       WHERE n."isDefault" IS DISTINCT FROM o."isDefault" OR n."workspaceId" IS DISTINCT FROM o."workspaceId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER team_member_count_insert AFTER INSERT ON "Team" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_changed();
-- A row trigger with a WHEN (a transition-table trigger cannot name columns): the recount's own UPDATE of
-- "memberCount" does not fire it.
CREATE OR REPLACE FUNCTION team_member_count_team_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM team_member_recount(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER team_member_count_update AFTER UPDATE OF "isDefault", "workspaceId" ON "Team"
  FOR EACH ROW WHEN (NEW."isDefault" IS DISTINCT FROM OLD."isDefault" OR NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId")
  EXECUTE FUNCTION team_member_count_team_updated();

-- Direct members and group links: the teams named by the rows, once per statement (a bulk insert recounts each
-- team it touches once, not once per row). A team being deleted is no longer there to recount (its cascades
-- find no row).
CREATE OR REPLACE FUNCTION team_member_count_team_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM team_member_recount(ARRAY(SELECT DISTINCT n."teamId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM team_member_recount(ARRAY(SELECT DISTINCT o."teamId" FROM old_rows o));
  ELSE
    PERFORM team_member_recount(ARRAY(SELECT o."teamId" FROM old_rows o UNION SELECT n."teamId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER team_member_count_insert AFTER INSERT ON "TeamMember" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();
CREATE TRIGGER team_member_count_delete AFTER DELETE ON "TeamMember" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();
CREATE TRIGGER team_member_count_update AFTER UPDATE ON "TeamMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();
CREATE TRIGGER team_member_count_insert AFTER INSERT ON "TeamGroup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();
CREATE TRIGGER team_member_count_delete AFTER DELETE ON "TeamGroup" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();
CREATE TRIGGER team_member_count_update AFTER UPDATE ON "TeamGroup" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_team_rows();

-- A group's members: the teams the group is linked to now. (Deleting a group deletes its links and its members, in
-- either order: whichever goes first, the teams are recounted when the link goes, and a member's removal recounts
-- whatever teams the group is still linked to.)
CREATE OR REPLACE FUNCTION team_member_count_group_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM team_member_recount(ARRAY(SELECT DISTINCT tg."teamId" FROM (SELECT DISTINCT "workspaceId", "groupId" FROM new_rows) g
                                       JOIN "TeamGroup" tg ON tg."workspaceId" = g."workspaceId" AND tg."groupId" = g."groupId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM team_member_recount(ARRAY(SELECT DISTINCT tg."teamId" FROM (SELECT DISTINCT "workspaceId", "groupId" FROM old_rows) g
                                       JOIN "TeamGroup" tg ON tg."workspaceId" = g."workspaceId" AND tg."groupId" = g."groupId"));
  ELSE
    PERFORM team_member_recount(ARRAY(SELECT DISTINCT tg."teamId" FROM (SELECT "workspaceId", "groupId" FROM old_rows UNION SELECT "workspaceId", "groupId" FROM new_rows) g
                                       JOIN "TeamGroup" tg ON tg."workspaceId" = g."workspaceId" AND tg."groupId" = g."groupId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER team_member_count_insert AFTER INSERT ON "GroupMember" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_group_rows();
CREATE TRIGGER team_member_count_delete AFTER DELETE ON "GroupMember" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_group_rows();
CREATE TRIGGER team_member_count_update AFTER UPDATE ON "GroupMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_group_rows();

-- Memberships: General of the workspace, when a non-guest arrives or leaves, or a role crosses Guest (or a
-- membership changes person or workspace). Every other update (last active, names, status) changes no count and
-- takes no lock: the statement's rows are compared and nothing is recounted.
CREATE OR REPLACE FUNCTION team_member_count_memberships() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ws uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ws := ARRAY(SELECT DISTINCT n."workspaceId" FROM new_rows n WHERE n.role <> 'GUEST');
  ELSIF TG_OP = 'DELETE' THEN
    ws := ARRAY(SELECT DISTINCT o."workspaceId" FROM old_rows o WHERE o.role <> 'GUEST');
  ELSE
    ws := ARRAY(SELECT DISTINCT w FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."workspaceId"), (n."workspaceId")) AS x(w)
                 WHERE (o.role = 'GUEST') IS DISTINCT FROM (n.role = 'GUEST') OR o."userId" IS DISTINCT FROM n."userId" OR o."workspaceId" IS DISTINCT FROM n."workspaceId");
  END IF;
  IF cardinality(ws) > 0 THEN
    PERFORM team_member_recount(ARRAY(SELECT t.id FROM "Team" t WHERE t."workspaceId" = ANY(ws) AND t."isDefault"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER team_member_count_insert AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_memberships();
CREATE TRIGGER team_member_count_delete AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_memberships();
CREATE TRIGGER team_member_count_update AFTER UPDATE ON "Membership" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_count_memberships();

-- Backfill: every team, in one pass (2,000 teams at 100,000 members: a grouped count, then General's).
SELECT team_member_recount(ARRAY(SELECT id FROM "Team"));
