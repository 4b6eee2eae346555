// The REST API's cross-client probes: for each role and client, a write token made through the console's own
// session (POST /api/v1/tokens, same origin), then every endpoint of e2e/routes.ts's API_V1_ROUTES with every
// other client's ids → the one 404 body (the same as for a random uuid), lists and searches that name nothing
// foreign, and no write that lands. A Northwind team token goes through the same probes.
import crypto from "node:crypto";
import fs from "node:fs";
import { test, expect, type APIRequestContext } from "@playwright/test";
import { STATES } from "./users";
import { API_V1_ROUTES } from "./routes";
import { clientScope, loadIds, teamResources, type Client } from "./ids";

const NOT_FOUND = JSON.stringify({ type: "about:blank", title: "Not Found", status: 404, detail: "Not found." });

type Viewer = { label: string; state?: keyof typeof STATES; team?: Client; foreign: Client[]; role: "guest" | "internal" };
const VIEWERS: Viewer[] = [
  { label: "ana", state: "ana", foreign: ["Globex", "Initech"], role: "guest" },
  { label: "cara", state: "cara", foreign: ["Northwind", "Initech"], role: "guest" },
  { label: "editor", state: "editor", foreign: ["Globex", "Initech"], role: "internal" },
  { label: "viewer", state: "viewer", foreign: ["Northwind", "Globex", "Initech"], role: "internal" },
  { label: "Northwind team token", team: "Northwind", foreign: ["Globex", "Initech"], role: "guest" },
];

async function sessionToken(request: APIRequestContext, baseURL: string, scope: "read" | "write"): Promise<string> {
  const res = await request.post("/api/v1/tokens", { headers: { origin: baseURL }, data: { name: `probe ${scope}`, expiresInDays: 1, scope } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).token;
}

for (const v of VIEWERS) {
  test(`${v.label}'s token finds nothing of ${v.foreign.join(", ")} at any API endpoint`, async ({ playwright }) => {
    test.setTimeout(600_000);
    const baseURL = test.info().project.use.baseURL!;
    const ids = loadIds();
    let token: string;
    if (v.team) {
      const adminCtx = await playwright.request.newContext({ baseURL, storageState: STATES.admin.file });
      const adminToken = await sessionToken(adminCtx, baseURL, "write");
      const team = ids.teams.find((t) => t.name === v.team)!;
      const res = await adminCtx.post(`/api/v1/teams/${team.id}/tokens`, { headers: { authorization: `Bearer ${adminToken}` }, data: { name: "probe team", expiresInDays: 1 } });
      expect(res.status()).toBe(201);
      token = (await res.json()).token;
      await adminCtx.dispose();
    } else {
      const ctx = await playwright.request.newContext({ baseURL, storageState: STATES[v.state!].file });
      token = await sessionToken(ctx, baseURL, "write");
      await ctx.dispose();
    }
    // Probes carry the token only: no cookie.
    const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

    const own = new Set<string>();
    for (const c of ["Northwind", "Globex", "Initech"] as Client[]) if (!v.foreign.includes(c)) for (const r of clientScope(ids, c).resources) own.add(r.name);
    if (v.role === "internal") for (const r of teamResources(ids, "General")) own.add(r.name);
    const foreign = v.foreign.map((c) => clientScope(ids, c));
    // A body is searched as text: a foreign name inside a visible one ("invoices" in General's "fx_invoices")
    // cannot be told from a leak that way, so such a name is not probed (its id still is).
    const ownNames = [...own];
    const foreignResourceNames = foreign
      .flatMap((f) => f.resources.map((r) => r.name))
      .filter((n) => n.length > 4 && !own.has(n) && !ownNames.some((o) => o.includes(n)));
    const forbiddenIds =
      v.role === "guest"
        ? foreign.flatMap((f) => [f.team.id, f.group.id, ...f.users.map((u) => u.id), ...f.resources.map((r) => r.id)])
        : foreign.flatMap((f) => [f.team.id, ...f.resources.map((r) => r.id)]);
    // Internal people see every member of the workspace (GET /users): a foreign resource name that is part of
    // someone's address (the schema "northwind" in ana@northwind.test) is not a leak there.
    const people = ids.users.flatMap((u) => [u.email, u.name]).join("\n");
    const forbiddenNames =
      v.role === "guest"
        ? [...foreign.flatMap((f) => [f.team.name, f.group.name, ...f.users.flatMap((u) => [u.email, u.name])]), ...foreignResourceNames]
        : foreignResourceNames.filter((n) => !people.includes(n));
    const forbidden = [...forbiddenIds, ...forbiddenNames];
    const random = crypto.randomUUID();
    const fResources = [...foreign.flatMap((f) => f.resources.slice(0, 8)).map((r) => r.id), random];
    const fTeams = [...foreign.map((f) => f.team.id), random];
    const fUsers = [...foreign.flatMap((f) => f.users).map((u) => u.id), random];
    const integration = ids.resources.find((r) => r.type === "INTEGRATION" && r.name === "Warehouse")!.id;
    let probes = 0;

    const send = async (method: string, url: string, data?: unknown) => {
      const res = await request.fetch(url, { method, ...(data !== undefined ? { data } : {}) });
      probes++;
      return { status: res.status(), body: await res.text() };
    };
    const expect404 = async (method: string, url: string, data?: unknown) => {
      const r = await send(method, url, data);
      if (v.team && method !== "GET") {
        // A team token is read-only: every write is refused before anything else is looked at.
        expect(r.status, `${method} ${url}`).toBe(403);
        expect(r.body).toContain("read-only");
        return;
      }
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(r.body, `${method} ${url}`).toBe(NOT_FOUND);
    };
    const expectClean = async (url: string, allowIdsInUrl = true) => {
      const r = await send("GET", url);
      expect(r.status, url).toBe(200);
      for (const word of forbidden) if (!(allowIdsInUrl && url.includes(word))) expect(r.body.includes(word), `${url} leaks ${word}`).toBe(false);
    };
    const before = await (await request.get("/api/v1/resources?limit=100")).text();

    for (const route of API_V1_ROUTES) {
      const p = route.pattern;
      for (const method of route.methods) {
        switch (route.kind) {
          case "list":
            if (method === "GET") await expectClean(p);
            else await expect404(method, p, { name: "Shadow", visibility: "private" }); // POST /teams: admins only
            break;
          case "search":
            for (const f of foreign)
              for (const term of [f.team.name, f.group.name, ...f.users.map((u) => u.name.split(" ")[0]!), ...f.resources.filter((r) => r.type !== "COLUMN").map((r) => r.name)])
                await expectClean(`${p}?q=${encodeURIComponent(term)}`);
            break;
          case "resource":
            for (const id of fResources) await expect404(method, p.replace("[id]", id), method === "PATCH" ? { description: "pwned" } : undefined);
            break;
          case "team": {
            const body = p.endsWith("/members") ? { userIds: [fUsers[0]], confirm: true } : p.endsWith("/resources") ? { resourceIds: [fResources[0]], confirm: true } : p.endsWith("/tokens") ? { name: "x", expiresInDays: 1 } : undefined;
            for (const id of fTeams) await expect404(method, p.replace("[id]", id), method === "POST" ? body : undefined);
            break;
          }
          case "team-user":
            for (const id of fTeams) for (const u of fUsers.slice(0, 3)) await expect404(method, p.replace("[id]", id).replace("[userId]", u));
            break;
          case "team-resource":
            for (const id of fTeams) for (const r of fResources.slice(0, 3)) await expect404(method, p.replace("[id]", id).replace("[resourceId]", r));
            break;
          case "admin":
            await expect404(method, p, method === "POST" ? (p.endsWith("invitations") ? { emails: ["mole@example.test"], role: "guest", teamIds: [fTeams[0]] } : { name: "Exfil", connectionString: "postgres://u:p@127.0.0.1:1/x", teamIds: [fTeams[0]] }) : undefined);
            break;
          case "admin-integration":
            for (const id of [integration, ...fResources.slice(0, 3)]) await expect404(method, p.replace("[id]", id));
            break;
          case "admin-run":
            for (const id of [integration, random]) await expect404(method, p.replace("[id]", id).replace("[runId]", random));
            break;
          case "session": {
            // A token alone is not a browser session.
            const r = await send(method, p, { name: "x", expiresInDays: 1, scope: "read" });
            expect(r.status, p).toBe(403); // no Origin from a script
            break;
          }
          case "public":
            await expectClean(p);
            break;
        }
      }
    }
    // Nothing written: the same resources, unchanged.
    expect(await (await request.get("/api/v1/resources?limit=100")).text()).toBe(before);
    await request.dispose();
    expect(probes).toBeGreaterThan(40);
    fs.mkdirSync("test-results", { recursive: true });
    fs.appendFileSync("test-results/cross-client-probes.txt", `api ${v.label}\t${probes}\n`);
  });
}
