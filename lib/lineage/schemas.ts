import { z } from "zod";
import { one } from "@/lib/table-params";

export const LINEAGE_DIRECTIONS = ["up", "down", "both"] as const;
export const LINEAGE_KINDS = ["view", "dbt", "bi", "manual"] as const;
export type LineageKindName = (typeof LINEAGE_KINDS)[number];

export const lineageOptionsSchema = z.object({
  direction: z.enum(LINEAGE_DIRECTIONS, { message: "Direction is up, down or both." }).default("both"),
  depth: z.coerce.number({ message: "Depth is a number from 1 to 5." }).int("Depth is a whole number from 1 to 5.").min(1, "Depth is at least 1.").max(5, "Depth is at most 5.").default(2),
});
export type LineageOptions = z.infer<typeof lineageOptionsSchema>;

/** Lineage options from URL search parameters: anything unreadable falls back to the defaults. */
export function parseLineageParams(sp: Record<string, string | string[] | undefined>): LineageOptions {
  const direction = lineageOptionsSchema.shape.direction.safeParse(one(sp.ldir));
  const depth = lineageOptionsSchema.shape.depth.safeParse(one(sp.ldepth));
  return { direction: direction.success ? direction.data : "both", depth: depth.success ? depth.data : 2 };
}

const uuid = z.string().uuid("Choose a resource.");
export const manualEdgeInput = z
  .object({ fromId: uuid, toId: uuid })
  .refine((v) => v.fromId !== v.toId, { message: "A resource cannot feed itself." });
