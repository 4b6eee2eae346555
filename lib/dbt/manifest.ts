// dbt's manifest.json (schemas v10-v12, dbt 1.6 and later), validated to the parts Enclave reads. Not marked
// server-only: the seed and the benchmark import manifests through it too.
import { z } from "zod";

export const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;
export const SUPPORTED = [10, 11, 12];

const column = z.object({ name: z.string(), description: z.string().nullish(), data_type: z.string().nullish(), tags: z.array(z.string()).nullish(), meta: z.record(z.string(), z.unknown()).nullish() });
const dependsOn = z.object({ nodes: z.array(z.string()).nullish() }).nullish();
const node = z.object({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  alias: z.string().nullish(),
  identifier: z.string().nullish(),
  description: z.string().nullish(),
  columns: z.record(z.string(), column).nullish(),
  tags: z.array(z.string()).nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
  config: z.object({ materialized: z.string().nullish(), meta: z.record(z.string(), z.unknown()).nullish() }).passthrough().nullish(),
  depends_on: dependsOn,
  // tests
  attached_node: z.string().nullish(),
  column_name: z.string().nullish(),
  test_metadata: z.object({ name: z.string() }).passthrough().nullish(),
});
const exposure = z.object({
  unique_id: z.string(),
  name: z.string(),
  label: z.string().nullish(),
  type: z.string().nullish(),
  description: z.string().nullish(),
  owner: z.object({ name: z.string().nullish(), email: z.string().nullish() }).passthrough().nullish(),
  depends_on: dependsOn,
  tags: z.array(z.string()).nullish(),
});

export const manifestSchema = z.object({
  metadata: z.object({ dbt_schema_version: z.string(), dbt_version: z.string().nullish(), project_name: z.string().nullish() }).passthrough(),
  nodes: z.record(z.string(), node),
  sources: z.record(z.string(), node).default({}),
  exposures: z.record(z.string(), exposure).default({}),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestNode = z.infer<typeof node>;

export class ManifestError extends Error {}

/** Parses and validates a manifest; every failure is a plain ManifestError message (nothing is changed then). */
export function parseManifest(text: string, maxBytes = MAX_MANIFEST_BYTES): Manifest {
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new ManifestError(`The manifest is larger than ${maxBytes / 1024 / 1024} MB. Point at a file on the server instead.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ManifestError("The file is not valid JSON: upload the manifest.json from dbt's target/ folder.");
  }
  const version = (raw as { metadata?: { dbt_schema_version?: unknown } } | null)?.metadata?.dbt_schema_version;
  if (typeof version !== "string") throw new ManifestError("This is not a dbt manifest: it has no metadata.dbt_schema_version.");
  const m = /manifest\/v(\d+)\.json$/.exec(version);
  if (!m) throw new ManifestError("This is not a dbt manifest: its schema version is not a manifest schema.");
  if (!SUPPORTED.includes(Number(m[1]))) throw new ManifestError(`dbt manifest v${m[1]} is not supported: use a manifest of schema v10 to v12 (dbt 1.6 or later).`);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError(`The manifest does not follow dbt's schema at ${issue?.path.join(".") || "its top level"}: ${issue?.message ?? "invalid"}.`);
  }
  return parsed.data;
}
