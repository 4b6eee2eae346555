import { confirmExposuresInput } from "@/lib/isolation/schemas";
import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";

export const uuid = z.string().uuid("Not a valid id.");
export const teamSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, "Not a valid team address.");


export const TEAM_SORTS = ["name", "visibility", "members", "groups", "resources"] as const;
export const teamsParams = tableParams(TEAM_SORTS, { sort: "name" });
export type TeamsParams = z.infer<typeof teamsParams>;
export const teamsUrl = tableUrl(teamsParams);

export const MEMBER_SORTS = ["name", "email"] as const;
export const membersParams = tableParams(MEMBER_SORTS, { sort: "name" });
export type MembersParams = z.infer<typeof membersParams>;
export const teamMembersUrl = tableUrl(membersParams);


export const name = z.string({ error: "A name is required." }).trim().min(1, "A name is required.").max(80, "Names are at most 80 characters.");
export const description = z.string().trim().max(1000, "Descriptions are at most 1000 characters.").default("");
const visibility = z.enum(["PUBLIC", "PRIVATE"], { error: "Visibility is PUBLIC or PRIVATE." });
export const userIds = z.array(uuid).min(1, "Choose at least one person.").max(500, "At most 500 people at a time.");

export const createTeamInput = z.object({ name, description, visibility });
export const updateTeamInput = z.object({ teamId: uuid, name, description, visibility });
export const teamIdInput = z.object({ teamId: uuid });
export const addTeamMembersInput = z.object({ teamId: uuid, userIds, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });
export const removeTeamMembersInput = z.object({ teamId: uuid, userIds });
export const teamGroupInput = z.object({ teamId: uuid, groupId: uuid, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });


/** Lower-case words joined by dashes: the team's address. */
export function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "team";
}
