// The API's DTOs from the access layer's: enums in lower case, nothing added.
import type { PersonSummary } from "@/lib/people/queries";
import type { TeamSummary } from "@/lib/teams/queries";
import type { ResourceItem } from "@/lib/catalog/listing";
import { encodeCursor, type Page } from "./cursor";

export const apiResource = (r: ResourceItem) => ({ ...r, type: r.type.toLowerCase() });
export const apiUser = (u: PersonSummary) => ({ id: u.id, name: u.name, email: u.email, role: u.role.toLowerCase(), status: u.status.toLowerCase() });
export const apiTeam = (t: TeamSummary) => ({ id: t.id, name: t.name, slug: t.slug, description: t.description, visibility: t.visibility.toLowerCase(), isDefault: t.isDefault, isMember: t.isMember });

/** A keyset page: the cursor is the last row's id when there is more. */
export function keysetPage<T extends { id: string }, U>(res: { rows: T[]; hasMore: boolean }, map: (t: T) => U): Page<U> {
  const last = res.rows[res.rows.length - 1];
  return { data: res.rows.map(map), nextCursor: res.hasMore && last ? encodeCursor({ after: last.id }) : null };
}
