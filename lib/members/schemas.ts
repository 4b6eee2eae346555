import { confirmExposuresInput } from "@/lib/isolation/schemas";
import { z } from "zod";
import { PAGE_SIZES, tableParams, tableUrl } from "@/lib/table-params";

export const MEMBER_SORTS = ["name", "email", "role", "status", "joined", "lastActive"] as const;
export const ROLES = ["ADMIN", "EDITOR", "VIEWER", "GUEST"] as const;
export const STATUSES = ["ACTIVE", "INVITED", "DEACTIVATED"] as const;
export { PAGE_SIZES };

export type MemberSort = (typeof MEMBER_SORTS)[number];
export type MemberStatus = (typeof STATUSES)[number];

/** The filters of the members table (and of its CSV export): each one whitelisted, anything else ignored. */
export const membersParams = tableParams(MEMBER_SORTS, { sort: "name" }).extend({
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  team: z.string().uuid().optional().catch(undefined),
});
export type MembersParams = z.infer<typeof membersParams>;

export const exportParams = membersParams.omit({ page: true, size: true });
export type MemberFilters = z.infer<typeof exportParams>;

/** The members table's URL state (nuqs parsers, validated by membersParams). */
export const membersUrl = tableUrl(membersParams, ["role", "status", "team"] as const);

// ---- action inputs ------------------------------------------------------------------------------------------

export const userId = z.string().uuid("Not a valid member id.");
/** Bulk actions act on one page of the table at most. */
export const userIds = z.array(userId).min(1, "Select at least one member.").max(100, "At most 100 members at a time.");
export const role = z.enum(ROLES, { message: "Choose a role: Admin, Editor, Viewer or Guest." });

export const inviteInput = z.object({
  emails: z.string().max(20_000, "Too many addresses at once (at most 50).").min(1, "Enter at least one email address."),
  role,
  teamIds: z.array(z.string().uuid("Not a valid team id.")).max(50).default([]),
  confirmExposures: confirmExposuresInput,
});

export const changeRoleInput = z.object({ userIds, role, confirmExposures: confirmExposuresInput });
export const membersInput = z.object({ userIds });
export const memberInput = z.object({ userId });

export const MAX_INVITES = 50;

/**
 * The invite box: addresses separated by commas, semicolons, spaces or new lines, each optionally written the
 * address-book way, `Gina Reyes <gina@globex.test>`. Lower-cases and de-duplicates the addresses; `names` holds the
 * names given that way (the person can change theirs when accepting).
 */
export function splitEmails(raw: string): { valid: string[]; invalid: string[]; names: Record<string, string> } {
  const names: Record<string, string> = {};
  const parts: string[] = [];
  for (const chunk of raw.split(/[,;\n]+/)) {
    const named = chunk.match(/^\s*"?([^"<>]*?)"?\s*<([^<>\s]+)>\s*$/);
    if (named) {
      const email = named[2]!.trim().toLowerCase();
      const name = named[1]!.trim().replace(/\s+/g, " ").slice(0, 100);
      if (name && !names[email]) names[email] = name;
      parts.push(email);
    } else parts.push(...chunk.split(/\s+/).map((s) => s.trim().toLowerCase()));
  }
  const unique = [...new Set(parts.filter(Boolean))];
  const valid: string[] = [];
  const invalid: string[] = [];
  const email = z.string().email().max(320);
  for (const p of unique) (email.safeParse(p).success ? valid : invalid).push(p);
  return { valid, invalid, names };
}

// ---- invitation acceptance ------------------------------------------------------------------------------------

export const inviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");
export const acceptInput = z.object({
  token: inviteToken,
  name: z.string().trim().min(1, "Enter your name.").max(100, "Your name is too long (at most 100 characters)."),
  password: z.string().min(10, "Choose a password of at least 10 characters.").max(200, "That password is too long (at most 200 characters)."),
});
