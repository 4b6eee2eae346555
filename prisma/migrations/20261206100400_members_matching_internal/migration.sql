-- Search's people (every internal viewer's, not only the members table's) ask the trigram indexes through
-- app_members_matching too, so it answers every internal viewer of the session's own workspace. The answer is
-- membership ids, and Membership's policy already shows an internal viewer every membership of the workspace;
-- the caller still reads the rows under its policies and the people scope of lib/access (which leaves out the
-- deactivated for non-admins). A guest still gets nothing: its people are few, and found without it.
CREATE OR REPLACE FUNCTION app_members_matching(pattern text) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(m.id), '{}'::uuid[]) FROM "Membership" m
   WHERE (SELECT app_is_internal()) AND m."workspaceId" = (SELECT app_workspace_id())
     AND (m."sortName" ILIKE pattern OR m."sortEmail" ILIKE pattern)
$$;
