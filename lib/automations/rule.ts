import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export const RESOURCE_TYPES = ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE", "VIEW", "COLUMN", "DASHBOARD", "CHART", "DOCUMENT", "METRIC", "TERM"] as const;

const uuid = z.string().uuid("Choose an item from the list.");
const text = (what: string) =>
  z.string().trim().min(1, { message: `${what} cannot be empty.` }).max(200, { message: `${what} is longer than 200 characters.` });

export const conditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("type"), value: z.enum(RESOURCE_TYPES, { message: "Choose a resource type." }) }),
  z.object({ kind: z.literal("integration"), id: uuid }),
  z.object({ kind: z.literal("under"), id: uuid }),
  z.object({ kind: z.literal("nameContains"), value: text("The text") }),
  z.object({ kind: z.literal("nameStartsWith"), value: text("The text") }),
  z.object({ kind: z.literal("nameMatches"), value: text("The regular expression") }),
  z.object({ kind: z.literal("hasTag"), value: text("The tag").toLowerCase() }),
  z.object({
    kind: z.literal("createdAfter"),
    value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Give a date as YYYY-MM-DD." }).refine((d) => { const t = Date.parse(`${d}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d; }, { message: "That date does not exist." }),
  }),
]);

export const ruleSchema = z.object({
  match: z.enum(["all", "any"], { message: "Choose whether all or any condition must hold." }),
  conditions: z.array(conditionSchema).min(1, { message: "Add at least one condition: an empty rule would match every resource." }).max(20, { message: "A rule has at most 20 conditions." }),
});

export type Condition = z.infer<typeof conditionSchema>;
export type Rule = z.infer<typeof ruleSchema>;

/** Ids the rule refers to (integrations and parent resources), checked to be in the workspace before saving. */
export function referencedResourceIds(rule: Rule): string[] {
  return [...new Set(rule.conditions.flatMap((c) => (c.kind === "integration" || c.kind === "under" ? [c.id] : [])))];
}

export function regexesOf(rule: Rule): string[] {
  return rule.conditions.flatMap((c) => (c.kind === "nameMatches" ? [c.value] : []));
}

const lower = (s: string) => s.toLowerCase();

/** One condition as SQL over the alias r ("Resource"). Every value is a bound parameter. */
export function compileCondition(c: Condition): Prisma.Sql {
  switch (c.kind) {
    case "type":
      return Prisma.sql`r.type = ${c.value}::"ResourceType"`;
    case "integration":
      // Integrations are roots: everything synced from one has its id first in its path.
      return Prisma.sql`(r.path && ARRAY[${c.id}]::uuid[] AND r.path[1] = ${c.id}::uuid)`;
    case "under":
      return Prisma.sql`(r.path && ARRAY[${c.id}]::uuid[] AND r.id <> ${c.id}::uuid)`;
    case "nameContains":
      return Prisma.sql`strpos(lower(r.name), ${lower(c.value)}) > 0`;
    case "nameStartsWith":
      return Prisma.sql`left(lower(r.name), ${c.value.length}) = ${lower(c.value)}`;
    case "nameMatches":
      // PostgreSQL's case-insensitive regular expression: the same engine validates it (validateRegexes).
      return Prisma.sql`r.name ~* ${c.value}`;
    case "hasTag":
      return Prisma.sql`${c.value} = ANY(r.tags)`;
    case "createdAfter":
      return Prisma.sql`r."createdAt" >= (${c.value}::date + 1)::timestamp`;
  }
}

/**
 * The rule as one SQL condition over r ("Resource"), always within the workspace and leaving out removed
 * resources. The only place a rule becomes a query: preview, runs and the benchmark all use it.
 */
export function compileRule(workspaceId: string, rule: Rule): Prisma.Sql {
  const parts = rule.conditions.map(compileCondition);
  const joined = Prisma.join(parts, rule.match === "all" ? " AND " : " OR ");
  return Prisma.sql`r."workspaceId" = ${workspaceId}::uuid AND r."removedAt" IS NULL AND (${joined})`;
}

const TYPE_WORDS: Record<(typeof RESOURCE_TYPES)[number], string> = {
  INTEGRATION: "integration", DATABASE: "database", SCHEMA: "schema", TABLE: "table", VIEW: "view", COLUMN: "column",
  DASHBOARD: "dashboard", CHART: "chart", DOCUMENT: "document", METRIC: "metric", TERM: "glossary term",
};

/** A condition in words; names of referenced resources come from `names` (unknown ones say "a removed resource"). */
export function describeCondition(c: Condition, names: Record<string, string> = {}): string {
  switch (c.kind) {
    case "type": return `type is ${TYPE_WORDS[c.value]}`;
    case "integration": return `integration is ${names[c.id] ?? "a removed integration"}`;
    case "under": return `under ${names[c.id] ?? "a removed resource"}`;
    case "nameContains": return `name contains “${c.value}”`;
    case "nameStartsWith": return `name starts with “${c.value}”`;
    case "nameMatches": return `name matches /${c.value}/`;
    case "hasTag": return `has tag “${c.value}”`;
    case "createdAfter": return `created after ${c.value}`;
  }
}

export function describeRule(rule: Rule, names: Record<string, string> = {}): string {
  return rule.conditions.map((c) => describeCondition(c, names)).join(rule.match === "all" ? " and " : " or ");
}
