import { z } from "zod";
import { OWNERS_MAX, OWNER_CANDIDATES_MAX, OWNER_QUERY_MAX } from "./limits";

const uuid = (what: string) => z.string({ error: `Choose ${what}.` }).uuid(`Choose ${what}.`);

/** One owner of one resource: a person or a group, never both. */
export const ownerInput = z
  .object({
    resourceId: uuid("a resource"),
    userId: uuid("a person").optional(),
    groupId: uuid("a group").optional(),
  })
  .refine((v) => (v.userId ? 1 : 0) + (v.groupId ? 1 : 0) === 1, { message: "Choose one person or one group.", path: ["userId"] });

export type OwnerInput = z.infer<typeof ownerInput>;

export { OWNERS_MAX, OWNER_CANDIDATES_MAX, OWNER_QUERY_MAX };

/**
 * One question of the owner picker's type-ahead: the text typed so far (possibly empty) on one resource. Control
 * characters are refused by authorizedAction for every action; line breaks, allowed in descriptions, are not a
 * name's.
 */
export const ownerSearchInput = z.object({
  resourceId: uuid("a resource"),
  q: z
    .string({ error: "Type a name or an e-mail address." })
    .max(OWNER_QUERY_MAX, `Type at most ${OWNER_QUERY_MAX} characters.`)
    .regex(/^[^\t\n\r]*$/, "Type a name or an e-mail address on one line.")
    .transform((s) => s.trim()),
});
