// Writes manifests the way dbt does (schema v12, https://schemas.getdbt.com/dbt/manifest/v12.json): the project's
// own test data, the seed's demo manifest and the benchmark's 5,000-model one. Not marked server-only.
export type GenColumn = { name: string; description?: string; tests?: string[] };
export type GenModel = {
  kind: "model" | "seed" | "snapshot" | "source";
  /** For sources: the source's name (the `source()` group). */
  sourceName?: string;
  schema: string;
  name: string;
  description?: string;
  columns?: GenColumn[];
  tags?: string[];
  owner?: string;
  materialized?: string;
  /** unique_ids this node reads (ref() and source()). */
  dependsOn?: string[];
};
export type GenExposure = { name: string; label?: string; type?: string; description?: string; owner?: { name: string; email?: string }; dependsOn: string[] };

export const uniqueId = (project: string, m: Pick<GenModel, "kind" | "name" | "sourceName">) =>
  m.kind === "source" ? `source.${project}.${m.sourceName}.${m.name}` : `${m.kind}.${project}.${m.name}`;

export function generateManifest(opts: { project: string; database: string; models: GenModel[]; exposures?: GenExposure[]; schemaVersion?: number }): object {
  const { project, database } = opts;
  const nodes: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  const exposures: Record<string, unknown> = {};
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  const link = (child: string, parents: string[]) => {
    parentMap[child] = parents;
    childMap[child] ??= [];
    for (const p of parents) (childMap[p] ??= []).push(child);
  };
  const addTests = (m: GenModel, id: string) => {
    // Column tests, as dbt compiles them: one test node attached to the model and column.
    for (const c of m.columns ?? []) {
      for (const t of c.tests ?? []) {
        const tid = `test.${project}.${t}_${m.name}_${c.name}.${id.length.toString(16).padStart(10, "0")}`;
        nodes[tid] = {
          database, schema: `${m.schema}_dbt_test__audit`, name: `${t}_${m.name}_${c.name}`, resource_type: "test", package_name: project,
          path: `${t}_${m.name}_${c.name}.sql`, original_file_path: "models/schema.yml", unique_id: tid, fqn: [project, `${t}_${m.name}_${c.name}`],
          alias: `${t}_${m.name}_${c.name}`, checksum: { name: "none", checksum: "" }, config: { enabled: true, severity: "ERROR" }, tags: [], description: "", columns: {}, meta: {},
          depends_on: { macros: [`macro.dbt.test_${t}`], nodes: [id] }, column_name: c.name, attached_node: id,
          test_metadata: { name: t, kwargs: { column_name: c.name, model: `{{ get_where_subquery(ref('${m.name}')) }}` }, namespace: null },
          raw_code: "", language: "sql", refs: [{ name: m.name, package: null, version: null }], sources: [], created_at: 1764547200,
        };
        link(tid, [id]);
      }
    }
  };
  for (const m of opts.models) {
    const id = uniqueId(project, m);
    addTests(m, id);
    const columns = Object.fromEntries(
      (m.columns ?? []).map((c) => [c.name, { name: c.name, description: c.description ?? "", meta: {}, data_type: null, constraints: [], quote: null, tags: [] }]),
    );
    const common = {
      database,
      schema: m.schema,
      name: m.name,
      resource_type: m.kind,
      package_name: project,
      path: m.kind === "source" ? "models/sources.yml" : `${m.name}.sql`,
      original_file_path: m.kind === "source" ? "models/sources.yml" : `models/${m.name}.sql`,
      unique_id: id,
      fqn: [project, m.name],
      description: m.description ?? "",
      columns,
      meta: m.owner ? { owner: m.owner } : {},
      tags: m.tags ?? [],
    };
    if (m.kind === "source") {
      sources[id] = { ...common, source_name: m.sourceName, source_description: "", loader: "", identifier: m.name, quoting: {}, loaded_at_field: null, freshness: null, external: null, source_meta: {}, config: { enabled: true }, patch_path: null, unrendered_config: {}, relation_name: `"${database}"."${m.schema}"."${m.name}"`, created_at: 1764547200 };
      link(id, []);
      continue;
    }
    const parents = m.dependsOn ?? [];
    nodes[id] = {
      ...common,
      alias: m.name,
      checksum: { name: "sha256", checksum: "0".repeat(64) },
      config: { enabled: true, alias: null, schema: null, database: null, tags: m.tags ?? [], meta: m.owner ? { owner: m.owner } : {}, materialized: m.materialized ?? (m.kind === "seed" ? "seed" : "view"), on_schema_change: "ignore" },
      depends_on: { macros: [], nodes: parents },
      refs: parents.filter((p) => !p.startsWith("source.")).map((p) => ({ name: p.split(".").pop(), package: null, version: null })),
      sources: parents.filter((p) => p.startsWith("source.")).map((p) => p.split(".").slice(2)),
      raw_code: m.kind === "seed" ? "" : `select * from ${parents.map((p) => `{{ ref('${p.split(".").pop()}') }}`).join(", ") || "1"}`,
      language: "sql",
      patch_path: null,
      build_path: null,
      created_at: 1764547200,
      relation_name: `"${database}"."${m.schema}"."${m.name}"`,
      compiled_path: null,
      contract: { enforced: false, alias_types: true, checksum: null },
      access: "protected",
      constraints: [],
      version: null,
      latest_version: null,
      deprecation_date: null,
    };
    link(id, parents);
  }
  for (const e of opts.exposures ?? []) {
    const id = `exposure.${project}.${e.name}`;
    exposures[id] = {
      name: e.name, resource_type: "exposure", package_name: project, path: "exposures.yml", original_file_path: "models/exposures.yml", unique_id: id, fqn: [project, e.name],
      type: e.type ?? "dashboard", owner: e.owner ?? { name: null, email: null }, description: e.description ?? "", label: e.label ?? e.name, maturity: null, meta: {}, tags: [],
      config: { enabled: true }, unrendered_config: {}, url: null, depends_on: { macros: [], nodes: e.dependsOn }, refs: [], sources: [], metrics: [], created_at: 1764547200,
    };
    link(id, e.dependsOn);
  }
  const v = opts.schemaVersion ?? 12;
  return {
    metadata: { dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${v}.json`, dbt_version: v === 12 ? "1.8.9" : v === 11 ? "1.7.19" : "1.6.18", generated_at: "2026-12-01T00:00:00.000000Z", invocation_id: "00000000-0000-4000-8000-000000000000", env: {}, project_name: project, project_id: "0".repeat(32), user_id: null, send_anonymous_usage_stats: false, adapter_type: "postgres" },
    nodes, sources, macros: {}, docs: {}, exposures, metrics: {}, groups: {}, selectors: {}, disabled: {}, parent_map: parentMap, child_map: childMap, group_map: {}, saved_queries: {}, semantic_models: {}, unit_tests: {},
  };
}
