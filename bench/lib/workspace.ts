// The large workspace of the benchmarks, as pure functions of a seed and sizes: the rows of every table, with
// deterministic ids, names and timestamps, so two runs with one seed produce the same database. bench/generate.ts
// streams these rows into PostgreSQL with COPY. Nothing here touches a database (tests/unit/bench-workspace.test.ts).
import crypto from "node:crypto";

export type Sizes = {
  seed: number;
  /** Every resource: warehouse integrations → databases → schemas → tables → columns, a BI integration →
   *  dashboards → charts, documents, and one "archive" database of `bigColumns` columns (unassigned). */
  resources: number;
  members: number;
  teams: number;
  groups: number;
  clients: number;
  guestsPerClient: number;
  bigColumns: number;
};

export const DEFAULT_SIZES: Sizes = {
  seed: 1,
  resources: 1_000_000,
  members: 100_000,
  teams: 2_000,
  groups: 5_000,
  clients: 50,
  guestsPerClient: 20,
  bigColumns: 100_000,
};

export const BENCH_PASSWORD = "enclave-bench";
export const ADMIN_EMAIL = "admin@bench.test";
/** The first guest of the first client: the suite signs in as this one. */
export const GUEST_EMAIL = "guest1@client1.bench.test";
export const ARCHIVE_DB = "archive";
/** A word that names a few hundred tables and dashboards: the suite searches for it. */
export const SEARCH_TERM = "revenue";

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uuid (version 5 layout) from the seed, a kind and a number: the same inputs always give the same id. */
export function uuidFor(seed: number, kind: string, n: number): string {
  const h = crypto.createHash("sha1").update(`${seed}:${kind}:${n}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const NOUNS = ["orders", "customers", "invoices", "payments", "shipments", "products", "sessions", "events", "accounts", "subscriptions", "refunds", "leads", "campaigns", "tickets", "inventory", "suppliers", "contracts", "revenue", "forecasts", "users", "clicks", "returns", "warehouses", "budgets"];
const PREFIXES = ["raw", "stg", "dim", "fct", "int", "mart", "agg", "snap"];
const COLUMNS = ["id", "created_at", "updated_at", "customer_id", "order_id", "amount", "currency", "status", "country", "email", "name", "quantity", "price", "discount", "region", "channel", "source", "is_active", "score", "notes", "revenue_usd", "tax", "sku", "category"];
const DATA_TYPES = ["uuid", "timestamptz", "text", "integer", "numeric", "boolean", "date", "jsonb"];
const SCHEMAS = ["public", "sales", "finance", "marketing", "ops", "product", "support", "hr", "logistics", "analytics", "staging", "core", "billing", "growth", "risk"];
const DASH = ["Revenue", "Churn", "Pipeline", "Support", "Inventory", "Marketing", "Finance", "Ops", "Growth", "Retention", "Billing", "Logistics"];
const DASH2 = ["overview", "weekly", "by region", "by channel", "drill-down", "forecast", "health", "KPIs"];
const CLIENT_A = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Wonka"];
const CLIENT_B = ["Traders", "Logistics", "Health", "Energy", "Foods", "Media", "Bank", "Retail", "Labs", "Motors"];
const FIRST = ["Ana", "Ben", "Cara", "Dan", "Eve", "Finn", "Gina", "Hal", "Ida", "Jo", "Kim", "Lee", "Max", "Ned", "Olga", "Pat", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Vic", "Wes", "Xena", "Yara", "Zoe"];
const LAST = ["Souza", "Carter", "Mendes", "Okafor", "Larsen", "Walsh", "Russo", "Ng", "Berg", "Novak", "Silva", "Kaur", "Ito", "Moreau", "Dubois", "Khan", "Fischer", "Haddad", "Petrov", "Costa"];
const TEAM_WORDS = ["Analytics", "Data Platform", "Finance", "Growth", "Marketing", "Ops", "Product", "Risk", "Sales", "Security", "Support", "Supply"];
const WAREHOUSES = ["Snowflake", "PostgreSQL prod", "BigQuery", "Redshift"];

export type ResourceType = "INTEGRATION" | "DATABASE" | "SCHEMA" | "TABLE" | "COLUMN" | "DASHBOARD" | "CHART" | "DOCUMENT";

export type ResourceRow = {
  id: string;
  type: ResourceType;
  name: string;
  description: string;
  parentId: string | null;
  /** Ancestors root first, then the row's own id: what the path trigger computes from the parent. */
  path: string[];
  externalKey: string | null;
  meta: Record<string, string | boolean>;
  createdAt: Date;
};

/** What the assignments need: ids of some resources by kind, collected while the resources stream. */
export type Picks = {
  warehouses: string[];
  bi: string | null;
  databases: string[];
  schemas: string[];
  tables: string[];
  dashboards: string[];
  documents: string[];
  archive: string | null;
};

const BASE = Date.UTC(2026, 0, 1);
const at = (minutesAgo: number) => new Date(BASE - minutesAgo * 60_000);

/** How the resources split: documents 3 %, BI 7 %, the archive database, the warehouses the rest. */
export function resourcePlan(s: Pick<Sizes, "resources" | "bigColumns">) {
  const documents = Math.floor(s.resources * 0.03);
  const bi = Math.floor(s.resources * 0.07);
  // The archive: 1 database + 1 schema + tables of 100 columns; only when it fits in a tenth of the budget.
  const archiveColumns = Math.min(s.bigColumns, Math.floor(s.resources * 0.1));
  const archiveTables = Math.ceil(archiveColumns / 100);
  const archive = archiveColumns > 0 ? 2 + archiveTables + archiveColumns : 0;
  const warehouse = Math.max(0, s.resources - documents - bi - archive);
  return { documents, bi, archive, archiveColumns, archiveTables, warehouse };
}

/**
 * Every resource, parents before children, exactly `resources` of them. `picks` is filled as they go.
 */
export function* generateResources(s: Sizes, picks: Picks): Generator<ResourceRow> {
  const r = rng(s.seed * 7919 + 1);
  const plan = resourcePlan(s);
  let n = 0;
  const make = (type: ResourceType, name: string, parent: ResourceRow | null, extra: Partial<ResourceRow> = {}): ResourceRow => {
    const id = uuidFor(s.seed, "resource", n);
    const row: ResourceRow = {
      id,
      type,
      name,
      description: "",
      parentId: parent?.id ?? null,
      path: parent ? [...parent.path, id] : [id],
      externalKey: null,
      meta: {},
      createdAt: at(n % 500_000),
      ...extra,
    };
    n++;
    return row;
  };

  // Warehouses: integrations (up to four), then databases round-robin until the budget is spent.
  let left = plan.warehouse;
  const integrations: ResourceRow[] = [];
  const wh = Math.min(WAREHOUSES.length, left);
  for (let i = 0; i < wh; i++) {
    const row = make("INTEGRATION", WAREHOUSES[i]!, null, { meta: { kind: "postgres" } });
    integrations.push(row);
    picks.warehouses.push(row.id);
    yield row;
    left--;
  }
  let dbNo = 0;
  while (left > 0 && integrations.length) {
    const integ = integrations[dbNo % integrations.length]!;
    const dbName = `db_${dbNo + 1}`;
    const db = make("DATABASE", dbName, integ, { externalKey: dbName, description: `Database ${dbName} of ${integ.name}.` });
    picks.databases.push(db.id);
    yield db;
    left--;
    dbNo++;
    const nSchemas = int(r, 5, 15);
    for (let si = 0; si < nSchemas && left > 0; si++) {
      const sName = `${SCHEMAS[si % SCHEMAS.length]}${si >= SCHEMAS.length ? si : ""}`;
      const schema = make("SCHEMA", sName, db, { externalKey: `${dbName}.${sName}` });
      picks.schemas.push(schema.id);
      yield schema;
      left--;
      const nTables = int(r, 10, 60);
      for (let ti = 0; ti < nTables && left > 0; ti++) {
        const tName = `${pick(r, PREFIXES)}_${pick(r, NOUNS)}_${ti + 1}`;
        const tKey = `${dbName}.${sName}.${tName}`;
        const table = make("TABLE", tName, schema, { externalKey: tKey, description: `${tName.split("_")[1]} of ${sName}, loaded nightly.` });
        picks.tables.push(table.id);
        yield table;
        left--;
        const nCols = int(r, 5, 35);
        for (let ci = 0; ci < nCols && left > 0; ci++) {
          const cName = ci < COLUMNS.length ? COLUMNS[ci]! : `col_${ci}`;
          yield make("COLUMN", cName, table, { externalKey: `${tKey}.${cName}`, meta: { dataType: pick(r, DATA_TYPES), nullable: ci > 0 } });
          left--;
        }
      }
    }
  }

  // The archive: one database with `bigColumns` columns, in no team (the suite assigns it).
  if (plan.archive) {
    const integ = integrations[0] ?? null;
    const db = make("DATABASE", ARCHIVE_DB, integ, { externalKey: ARCHIVE_DB, description: "Cold storage: every table ever loaded." });
    picks.archive = db.id;
    yield db;
    const schema = make("SCHEMA", "history", db, { externalKey: `${ARCHIVE_DB}.history` });
    yield schema;
    let cols = plan.archiveColumns;
    for (let ti = 0; ti < plan.archiveTables; ti++) {
      const tName = `history_${ti + 1}`;
      const table = make("TABLE", tName, schema, { externalKey: `${ARCHIVE_DB}.history.${tName}` });
      yield table;
      for (let ci = 0; ci < 100 && cols > 0; ci++, cols--) {
        yield make("COLUMN", `c${ci}`, table, { externalKey: `${ARCHIVE_DB}.history.${tName}.c${ci}`, meta: { dataType: "text", nullable: true } });
      }
    }
  }

  // BI: one integration, dashboards of 4-12 charts.
  left = plan.bi;
  if (left > 0) {
    const bi = make("INTEGRATION", "Looker", null, { meta: { kind: "bi" } });
    picks.bi = bi.id;
    yield bi;
    left--;
    let d = 0;
    while (left > 0) {
      const dName = `${DASH[d % DASH.length]} ${DASH2[Math.floor(d / DASH.length) % DASH2.length]} ${d + 1}`;
      const dash = make("DASHBOARD", dName, bi, { description: `${dName}: the numbers the ${pick(r, TEAM_WORDS)} team reviews.` });
      picks.dashboards.push(dash.id);
      yield dash;
      left--;
      d++;
      const nCharts = int(r, 4, 12);
      for (let c = 0; c < nCharts && left > 0; c++) {
        yield make("CHART", `${pick(r, NOUNS)} by ${pick(r, ["month", "week", "region", "channel", "plan"])}`, dash);
        left--;
      }
    }
  }

  // Documents: top-level pages.
  for (let i = 0; i < plan.documents; i++) {
    const doc = make("DOCUMENT", `${pick(r, ["Guide", "Runbook", "Definition", "Policy", "Notes"])}: ${pick(r, NOUNS)} ${i + 1}`, null, {
      description: `How we use ${pick(r, NOUNS)} and ${pick(r, NOUNS)}.`,
    });
    picks.documents.push(doc.id);
    yield doc;
  }
}

export const emptyPicks = (): Picks => ({ warehouses: [], bi: null, databases: [], schemas: [], tables: [], dashboards: [], documents: [], archive: null });

export type Role = "ADMIN" | "EDITOR" | "VIEWER" | "GUEST";
export type Status = "ACTIVE" | "INVITED" | "DEACTIVATED";

export type People = {
  workspace: { id: string; name: string; slug: string };
  users: { id: string; email: string; name: string; status: Status; createdAt: Date; lastActiveAt: Date | null }[];
  memberships: { id: string; userId: string; role: Role; createdAt: Date; status: Status; lastActiveAt: Date | null }[];
  teams: { id: string; name: string; slug: string; description: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean }[];
  groups: { id: string; name: string; description: string }[];
  teamMembers: { teamId: string; userId: string }[];
  groupMembers: { groupId: string; userId: string }[];
  teamGroups: { teamId: string; groupId: string }[];
  clients: { name: string; teamId: string; groupId: string; domain: string }[];
};

export const clientName = (i: number) => `${CLIENT_A[i % CLIENT_A.length]} ${CLIENT_B[Math.floor(i / CLIENT_A.length) % CLIENT_B.length]}${i >= 100 ? ` ${i}` : ""}`;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

/**
 * The people: admins, 50 clients (a private team, a "<client> people" group linked to it, guests in the
 * group, two account managers as direct members), internal editors and viewers (in General through their role,
 * in one to three internal teams and up to two groups).
 */
export function generatePeople(s: Sizes): People {
  const r = rng(s.seed * 104729 + 7);
  const id = (kind: string, n: number) => uuidFor(s.seed, kind, n);
  const workspace = { id: id("workspace", 0), name: "Bench Data", slug: `bench-${s.seed}` };
  const p: People = { workspace, users: [], memberships: [], teams: [], groups: [], teamMembers: [], groupMembers: [], teamGroups: [], clients: [] };
  let u = 0;
  const addUser = (email: string, role: Role, status: Status = "ACTIVE") => {
    const uid = id("user", u);
    const name = `${FIRST[u % FIRST.length]} ${LAST[Math.floor(u / FIRST.length) % LAST.length]} ${u}`;
    p.users.push({ id: uid, email, name, status, createdAt: at(u), lastActiveAt: u % 5 === 4 ? null : at((u * 7) % 100_000) });
    // The standing and activity a workspace shows are its membership's (#15 item 8): the same as the account's here.
    const user = p.users[p.users.length - 1]!;
    p.memberships.push({ id: id("membership", u), userId: uid, role, createdAt: at(u), status, lastActiveAt: user.lastActiveAt });
    u++;
    return uid;
  };

  const teams = Math.max(1 + s.clients, s.teams);
  const groups = Math.max(s.clients, s.groups);
  p.teams.push({ id: id("team", 0), name: "General", slug: "general", description: "Everyone at Bench Data.", visibility: "PUBLIC", isDefault: true });
  for (let c = 0; c < s.clients; c++) {
    const name = clientName(c);
    const teamId = id("team", 1 + c);
    const groupId = id("group", c);
    p.teams.push({ id: teamId, name, slug: slug(name), description: `Private team of the ${name} account.`, visibility: "PRIVATE", isDefault: false });
    p.groups.push({ id: groupId, name: `${name} people`, description: `Everyone at ${name}.` });
    p.teamGroups.push({ teamId, groupId });
    p.clients.push({ name, teamId, groupId, domain: `client${c + 1}.bench.test` });
  }
  for (let t = 1 + s.clients; t < teams; t++) {
    const name = `${TEAM_WORDS[t % TEAM_WORDS.length]} ${t}`;
    p.teams.push({ id: id("team", t), name, slug: slug(name), description: `The ${name} team.`, visibility: r() < 0.3 ? "PUBLIC" : "PRIVATE", isDefault: false });
  }
  const internalTeams = p.teams.slice(1 + s.clients);
  for (let g = s.clients; g < groups; g++) {
    const gid = id("group", g);
    p.groups.push({ id: gid, name: `${pick(r, TEAM_WORDS)} circle ${g}`, description: "" });
    if (internalTeams.length && r() < 0.6) p.teamGroups.push({ teamId: pick(r, internalTeams).id, groupId: gid });
  }
  const internalGroups = p.groups.slice(s.clients);

  addUser(ADMIN_EMAIL, "ADMIN");
  for (let a = 1; a < Math.min(5, s.members); a++) addUser(`admin${a + 1}@bench.test`, "ADMIN");
  for (const [c, client] of p.clients.entries()) {
    for (let g = 0; g < s.guestsPerClient && u < s.members; g++) {
      const uid = addUser(`guest${g + 1}@${client.domain}`, "GUEST");
      p.groupMembers.push({ groupId: client.groupId, userId: uid });
    }
    void c;
  }
  const firstInternal = u;
  for (let k = 0; u < s.members; k++) {
    const roll = r();
    const status: Status = roll < 0.03 ? "INVITED" : roll < 0.05 ? "DEACTIVATED" : "ACTIVE";
    const uid = addUser(`member${k + 1}@acme.bench.test`, r() < 0.1 ? "EDITOR" : "VIEWER", status);
    if (internalTeams.length) {
      const nTeams = int(r, 1, 3);
      const seen = new Set<string>();
      for (let t = 0; t < nTeams; t++) {
        const team = pick(r, internalTeams).id;
        if (seen.has(team)) continue;
        seen.add(team);
        p.teamMembers.push({ teamId: team, userId: uid });
      }
    }
    if (internalGroups.length) {
      const nGroups = int(r, 0, 2);
      const seen = new Set<string>();
      for (let g = 0; g < nGroups; g++) {
        const group = pick(r, internalGroups).id;
        if (seen.has(group)) continue;
        seen.add(group);
        p.groupMembers.push({ groupId: group, userId: uid });
      }
    }
  }
  // Two account managers per client team, as direct members.
  const internal = p.users.slice(firstInternal).filter((x) => x.status === "ACTIVE");
  for (const [c, client] of p.clients.entries()) {
    for (let k = 0; k < 2 && internal.length; k++) p.teamMembers.push({ teamId: client.teamId, userId: internal[(c * 2 + k) % internal.length]!.id });
  }
  return p;
}

export type Assignment = { teamId: string; resourceId: string };

/**
 * Team assignments: General gets all warehouses but the last (kept for admins), the BI integration and half
 * the documents; each client team two schemas, five tables and three dashboards (each used by one client only);
 * each internal team one database or schema. The archive database stays in no team.
 */
export function generateAssignments(s: Sizes, people: People, picks: Picks): Assignment[] {
  const r = rng(s.seed * 15485863 + 3);
  const out: Assignment[] = [];
  const general = people.teams.find((t) => t.isDefault)!.id;
  for (const w of picks.warehouses.slice(0, Math.max(1, picks.warehouses.length - 1))) out.push({ teamId: general, resourceId: w });
  if (picks.bi) out.push({ teamId: general, resourceId: picks.bi });
  picks.documents.forEach((d, i) => i % 2 === 0 && out.push({ teamId: general, resourceId: d }));
  // Clients take from the end of the lists (stride through them so each client's share is spread out).
  const take = (xs: string[], c: number, k: number, per: number) => {
    const idx = xs.length - 1 - (c * per + k);
    return idx >= 0 ? xs[idx] : undefined;
  };
  people.clients.forEach((client, c) => {
    for (let k = 0; k < 2; k++) { const x = take(picks.schemas, c, k, 2); if (x) out.push({ teamId: client.teamId, resourceId: x }); }
    for (let k = 0; k < 5; k++) { const x = take(picks.tables, c, k, 5); if (x) out.push({ teamId: client.teamId, resourceId: x }); }
    for (let k = 0; k < 3; k++) { const x = take(picks.dashboards, c, k, 3); if (x) out.push({ teamId: client.teamId, resourceId: x }); }
  });
  const internal = people.teams.filter((t) => !t.isDefault && !people.clients.some((c) => c.teamId === t.id));
  const pool = [...picks.databases, ...picks.schemas.slice(0, Math.floor(picks.schemas.length / 2))];
  if (pool.length) for (const t of internal) out.push({ teamId: t.id, resourceId: pick(r, pool) });
  // One row per (team, resource).
  const seen = new Set<string>();
  return out.filter((a) => (seen.has(`${a.teamId}:${a.resourceId}`) ? false : (seen.add(`${a.teamId}:${a.resourceId}`), true)));
}

// ---- COPY text format -------------------------------------------------------------------------------------

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

/** One line of PostgreSQL's COPY text format: tab-separated, \N for NULL, arrays as {a,b}. */
export function copyLine(values: (string | number | boolean | Date | null | string[])[]): string {
  return (
    values
      .map((v) => {
        if (v === null) return "\\N";
        if (v instanceof Date) return v.toISOString();
        if (Array.isArray(v)) return `{${v.join(",")}}`;
        return esc(String(v));
      })
      .join("\t") + "\n"
  );
}
