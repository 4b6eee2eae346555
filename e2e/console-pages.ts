import { CONSOLE_ROUTES, type RouteKind } from "./routes";
import { clientScope, loadIds } from "./ids";

/**
 * Every console page of the route registry as a concrete URL for the admin or for Ana (Northwind's guest):
 * ids are Northwind's, so both open the same things; admin-only pages are left out for Ana. A page added to the
 * registry is checked here too (axe, layout) without touching these specs.
 */
export function consolePages(who: "admin" | "ana"): string[] {
  const ids = loadIds();
  const nw = clientScope(ids, "Northwind");
  const table = nw.resources.find((r) => r.type === "TABLE") ?? nw.resources[0]!;
  const integration = ids.resources.find((r) => r.type === "INTEGRATION");
  const automation = ids.automations[0];
  const user = nw.users[0]!;
  const fill: Partial<Record<RouteKind, string | undefined>> = {
    resource: table.id,
    team: nw.team.slug,
    user: user.id,
    group: nw.group.id,
    "admin-resource": integration?.id,
    "admin-user": user.id,
    "admin-group": nw.group.id,
    "admin-automation": automation?.id,
  };
  const out: string[] = [];
  for (const { pattern, kind } of CONSOLE_ROUTES) {
    if (who === "ana" && kind.startsWith("admin")) continue;
    if (kind === "search") {
      out.push(`${pattern}?q=orders`);
      continue;
    }
    const value = fill[kind];
    if (/\[[^\]]+\]/.test(pattern) && !value) continue;
    out.push(pattern.replace(/\[[^\]]+\]/, value ?? ""));
  }
  return out;
}
