// The policy of lib/policy as queries: one scope builder per entity, each as a Prisma `where` and as an SQL
// condition. Every scoped read starts from these, so authorization happens inside the query and nothing is
// filtered after fetching; tests/integration/access-scopes.test.ts checks both forms against lib/policy.
export { teamScope, teamScopeSql, visibleTeamIds } from "./teams";
export { resourceRootIds, resourceScope, resourceScopeSql, type ResourceScope } from "./resources";
export { userScope, userScopeSql, userScopeContext, type UserScopeContext } from "./people";
export { groupScope, groupScopeSql } from "./groups";
export {
  teamLinks, teamMembersWhere, teamMembershipsWhere, teamMemberSql, effectiveMembershipsSql, memberTeamsWhere, listedMemberIds,
  type MemberTeam, type TeamLinks,
} from "./team-members";
