// For each role and client: every console URL with the ids of every other client's teams, people, groups and
// resources → a 404 that names nothing (no foreign id or name in the body, the title or the RSC payload).
import fs from "node:fs";
import { test, expect, type APIRequestContext } from "@playwright/test";
import { STATES } from "./users";
import { API_ROUTES, CONSOLE_ROUTES } from "./routes";
import { expectNotFound } from "./not-found";
import { clientScope, loadIds, teamResources, type Client } from "./ids";

type Probe = { url: string; expect404: boolean; forbidden: string[] };

const VIEWERS: { state: keyof typeof STATES; foreign: Client[]; role: "guest" | "internal" }[] = [
  { state: "ana", foreign: ["Globex", "Initech"], role: "guest" },
  { state: "cara", foreign: ["Northwind", "Initech"], role: "guest" },
  { state: "editor", foreign: ["Globex", "Initech"], role: "internal" },
  { state: "viewer", foreign: ["Northwind", "Globex", "Initech"], role: "internal" },
];

let probes = 0;

async function check(request: APIRequestContext, p: Probe) {
  for (const rsc of [false, true]) {
    const res = await request.get(p.url, { headers: rsc ? { RSC: "1" } : {}, maxRedirects: rsc ? 2 : 0 });
    probes++;
    const body = await res.text();
    if (p.expect404) expectNotFound(res.status(), body, p.url);
    else expect(res.status(), p.url).toBeLessThan(400);
    // The id a visitor typed comes back in the 404's router state; that teaches nothing. Anything else does.
    for (const word of p.forbidden) if (!p.url.includes(word)) expect(body, `${p.url} leaks ${word}`).not.toContain(word);
  }
}

for (const v of VIEWERS) {
  test(`${v.state} finds nothing of ${v.foreign.join(", ")} at any console URL`, async ({ playwright }) => {
    test.setTimeout(600_000);
    const ids = loadIds();
    probes = 0;
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATES[v.state].file });
    // What this viewer legitimately sees (its own client's and, for internal people, General's) may share
    // names with foreign things, so only foreign ids, and foreign names that appear nowhere in its own
    // scope, are forbidden.
    const own = new Set<string>();
    for (const c of ["Northwind", "Globex", "Initech"] as Client[]) {
      if (v.foreign.includes(c)) continue;
      for (const r of clientScope(ids, c).resources) own.add(r.name);
    }
    if (v.role === "internal") for (const r of teamResources(ids, "General")) own.add(r.name);
    const foreign = v.foreign.map((c) => clientScope(ids, c));
    // A foreign name inside a visible one (globex's "invoices" in General's "fx_invoices") is no sign of it.
    const ownNames = [...own];
    const foreignResourceNames = foreign
      .flatMap((f) => f.resources.map((r) => r.name))
      .filter((n) => n.length > 4 && !own.has(n) && !ownNames.some((o) => o.includes(n)));
    // Internal people may list every member and group of the workspace; what they must not reach is a private
    // team they are not in, and its resources. Guests must not learn that anything else exists at all.
    const forbiddenIds =
      v.role === "guest"
        ? foreign.flatMap((f) => [f.team.id, f.group.id, ...f.users.map((u) => u.id), ...f.resources.map((r) => r.id)])
        : foreign.flatMap((f) => [f.team.id, ...f.resources.map((r) => r.id)]);
    const forbiddenNames =
      v.role === "guest"
        ? [...foreign.flatMap((f) => [f.team.name, f.group.name, ...f.users.flatMap((u) => [u.email, u.name])]), ...foreignResourceNames]
        : foreignResourceNames;
    const forbidden = [...forbiddenIds, ...forbiddenNames];
    // On pages the viewer may open: foreign ids, and for guests foreign people, teams and groups by name (a foreign
    // resource's name can be part of a visible one's, as fx_invoices holds invoices).
    const ownPageForbidden = v.role === "guest" ? [...forbiddenIds, ...foreign.flatMap((f) => [f.team.name, f.group.name, ...f.users.flatMap((u) => [u.email, u.name])])] : forbiddenIds;
    const ownIds = new Set<string>();
    for (const c of ["Northwind", "Globex", "Initech"] as Client[]) if (!v.foreign.includes(c)) for (const r of clientScope(ids, c).resources) ownIds.add(r.id);

    for (const route of [...CONSOLE_ROUTES, ...API_ROUTES]) {
      const targets: Probe[] = [];
      switch (route.kind) {
        case "static":
          targets.push({ url: route.pattern, expect404: false, forbidden });
          break;
        case "search":
          for (const f of foreign) for (const term of [f.team.name, f.group.name, ...f.users.map((u) => u.name.split(" ")[0]), ...f.resources.filter((r) => r.type !== "COLUMN").map((r) => r.name)])
            targets.push({ url: `${route.pattern}?q=${encodeURIComponent(term)}`, expect404: false, forbidden: forbiddenIds });
          // The filters that take an id (lib/search): a foreign owner owns nothing, a foreign resource has no
          // lineage, for this viewer; the page answers as for an unknown id and names nothing foreign.
          for (const f of foreign) {
            if (route.pattern !== "/search") continue; // the console's filters; the API's search takes q only
            for (const id of [f.group.id, f.users[0].id]) targets.push({ url: `${route.pattern}?owner=${id}`, expect404: false, forbidden });
            const table = f.resources.find((r) => r.type === "TABLE");
            if (table) for (const param of ["upstream", "downstream"]) targets.push({ url: `${route.pattern}?${param}=${table.id}`, expect404: false, forbidden });
          }
          break;
        case "resource":
          for (const f of foreign) for (const r of f.resources) targets.push({ url: route.pattern.replace("[id]", r.id), expect404: true, forbidden });
          // The viewer's own tables and views: their owners, keys, lineage and details name nothing foreign
          // (scripts/e2e-prepare.ts makes another client's guest and group an owner of each client's table).
          for (const r of ids.resources.filter((r) => (r.type === "TABLE" || r.type === "VIEW") && ownIds.has(r.id)).slice(0, 4))
            targets.push({ url: route.pattern.replace("[id]", r.id), expect404: false, forbidden: ownPageForbidden });
          break;
        case "team":
          for (const f of foreign) targets.push({ url: route.pattern.replace("[slug]", f.team.slug), expect404: true, forbidden });
          break;
        case "user":
          for (const f of foreign) for (const u of f.users) targets.push({ url: route.pattern.replace("[id]", u.id), expect404: true, forbidden });
          break;
        case "group":
          for (const f of foreign) targets.push({ url: route.pattern.replace("[id]", f.group.id), expect404: true, forbidden });
          break;
        case "admin":
          targets.push({ url: route.pattern, expect404: true, forbidden });
          break;
        case "admin-resource":
          for (const f of foreign) for (const r of f.resources.slice(0, 5)) targets.push({ url: route.pattern.replace("[id]", r.id), expect404: true, forbidden });
          break;
        case "admin-user":
          for (const f of foreign) for (const u of f.users) targets.push({ url: route.pattern.replace("[id]", u.id), expect404: true, forbidden });
          break;
        case "admin-group":
          for (const f of foreign) targets.push({ url: route.pattern.replace("[id]", f.group.id), expect404: true, forbidden });
          break;
        case "admin-automation":
          for (const a of ids.automations) targets.push({ url: route.pattern.replace("[id]", a.id), expect404: true, forbidden: [...forbidden, a.name] });
          break;
      }
      for (const t of targets) await check(request, t);
    }
    await request.dispose();
    expect(probes).toBeGreaterThan(20);
    fs.mkdirSync("test-results", { recursive: true });
    fs.appendFileSync("test-results/cross-client-probes.txt", `${v.state}\t${probes}\n`);
  });
}
