import { z } from "zod";
import { BadRequest } from "./problem";

// Opaque cursors: base64url JSON of the position after the last row of a page (an id for keyset pages, an
// offset for ranked search). A cursor that does not decode is a 400 on the `cursor` field.

export function encodeCursor(c: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(raw: string | undefined, shape: T): z.infer<T> | null | undefined {
  if (raw === undefined || raw === "") return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const idCursor = z.object({ after: z.string().uuid() });
/** Ranked search pages: the next page and its size (the size of the first call holds for the rest). */
export const pageCursor = z.object({ page: z.number().int().min(2).max(10_000), size: z.number().int().min(1).max(100) });

/** ?limit=&cursor= of every list. */
export const pageQuery = {
  limit: z.coerce.number({ error: "limit is a whole number from 1 to 100." }).int("limit is a whole number from 1 to 100.").min(1, "limit is a whole number from 1 to 100.").max(100, "limit is a whole number from 1 to 100.").default(50),
  cursor: z.string().max(200, "Not a valid cursor.").optional(),
};

export type Page<T> = { data: T[]; nextCursor: string | null };

/** The id a keyset page starts after, from ?cursor= (a 400 on `cursor` when it does not decode). */
export function afterId(raw: string | undefined): string | undefined {
  const c = decodeCursor(raw, idCursor);
  if (c === null) throw new BadRequest("cursor: Not a valid cursor.", "cursor");
  return c?.after;
}

export function pageOf(raw: string | undefined, limit: number): { page: number; size: number } {
  const c = decodeCursor(raw, pageCursor);
  if (c === null) throw new BadRequest("cursor: Not a valid cursor.", "cursor");
  return c ?? { page: 1, size: limit };
}
