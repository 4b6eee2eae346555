import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";
import { description, name, userIds, uuid } from "@/lib/teams/schemas";
import { confirmExposuresInput } from "@/lib/isolation/schemas";

// Groups: the URL state of their table and the inputs of their actions (names and people as for teams).

export const GROUP_SORTS = ["name", "members", "teams"] as const;
export const groupsParams = tableParams(GROUP_SORTS, { sort: "name" });
export type GroupsParams = z.infer<typeof groupsParams>;
export const groupsUrl = tableUrl(groupsParams);

export const createGroupInput = z.object({ name, description });
export const updateGroupInput = z.object({ groupId: uuid, name, description });
export const groupIdInput = z.object({ groupId: uuid });
export const addGroupMembersInput = z.object({ groupId: uuid, userIds, confirm: z.boolean().default(false), confirmExposures: confirmExposuresInput });
export const removeGroupMembersInput = z.object({ groupId: uuid, userIds });
