import { confirmExposuresInput } from "@/lib/isolation/schemas";
import { z } from "zod";

export const uuid = z.string().uuid("Not a valid id.");
export const teamSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, "Not a valid team address.");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pageParams = <S extends readonly [string, ...string[]]>(sorts: S, fallback: S[number]) =>
  z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    size: z.coerce.number().int().refine((n) => [10, 25, 50, 100].includes(n)).catch(25),
    sort: z.enum(sorts).catch(fallback as never),
    dir: z.enum(["asc", "desc"]).catch("asc"),
    q: z.string().trim().max(200).catch(""),
  });

export const TEAM_SORTS = ["name", "visibility", "members", "groups", "resources"] as const;
export const teamsParams = pageParams(TEAM_SORTS, "name");
export type TeamsParams = z.infer<typeof teamsParams>;
export function parseTeamsParams(sp: Record<string, string | string[] | undefined>): TeamsParams {
  return teamsParams.parse({ page: one(sp.page), size: one(sp.size), sort: one(sp.sort), dir: one(sp.dir), q: one(sp.q) });
}

export const MEMBER_SORTS = ["name", "email"] as const;
export const membersParams = pageParams(MEMBER_SORTS, "name");
export type MembersParams = z.infer<typeof membersParams>;
export function parseMembersParams(sp: Record<string, string | string[] | undefined>): MembersParams {
  return membersParams.parse({ page: one(sp.page), size: one(sp.size), sort: one(sp.sort), dir: one(sp.dir), q: one(sp.q) });
}

export const GROUP_SORTS = ["name", "members", "teams"] as const;
export const groupsParams = pageParams(GROUP_SORTS, "name");
export type GroupsParams = z.infer<typeof groupsParams>;
export function parseGroupsParams(sp: Record<string, string | string[] | undefined>): GroupsParams {
  return groupsParams.parse({ page: one(sp.page), size: one(sp.size), sort: one(sp.sort), dir: one(sp.dir), q: one(sp.q) });
}

const name = z.string({ error: "A name is required." }).trim().min(1, "A name is required.").max(80, "Names are at most 80 characters.");
const description = z.string().trim().max(1000, "Descriptions are at most 1000 characters.").default("");
const visibility = z.enum(["PUBLIC", "PRIVATE"], { error: "Visibility is PUBLIC or PRIVATE." });
const userIds = z.array(uuid).min(1, "Choose at least one person.").max(500, "At most 500 people at a time.");

export const createTeamInput = z.object({ name, description, visibility });
export const updateTeamInput = z.object({ teamId: uuid, name, description, visibility });
export const teamIdInput = z.object({ teamId: uuid });
export const addTeamMembersInput = z.object({ teamId: uuid, userIds, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });
export const removeTeamMembersInput = z.object({ teamId: uuid, userIds });
export const teamGroupInput = z.object({ teamId: uuid, groupId: uuid, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });

export const createGroupInput = z.object({ name, description });
export const updateGroupInput = z.object({ groupId: uuid, name, description });
export const groupIdInput = z.object({ groupId: uuid });
export const addGroupMembersInput = z.object({ groupId: uuid, userIds, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });
export const removeGroupMembersInput = z.object({ groupId: uuid, userIds });

/** Lower-case words joined by dashes: the team's address. */
export function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "team";
}
