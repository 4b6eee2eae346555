import { z } from "zod";

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

/** How many owners a resource may have (a page panel, not a directory). */
export const OWNERS_MAX = 20;
