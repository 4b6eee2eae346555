"use server";
import fs from "node:fs/promises";
import path from "node:path";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { ManifestError, parseManifest } from "./manifest";
import { applyManifest } from "./import";
import { dbtImportInput } from "./schemas";

const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A manifest on the server's disk: a .json file, inside ENCLAVE_DBT_DIR when that is set. */
async function readManifestFile(p: string): Promise<string> {
  if (!path.isAbsolute(p) || path.extname(p) !== ".json") throw new UserError("Give the absolute path of a .json file, such as /srv/dbt/target/manifest.json.");
  const root = process.env.ENCLAVE_DBT_DIR;
  const real = await fs.realpath(p).catch(() => null);
  if (!real) throw new UserError("There is no readable file at that path.");
  if (root && !real.startsWith(path.resolve(root) + path.sep)) throw new UserError(`Manifests are read from ${root} only (ENCLAVE_DBT_DIR).`);
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new UserError("There is no readable file at that path.");
  if (stat.size > MAX_FILE_BYTES) throw new UserError("That file is larger than 200 MB.");
  return fs.readFile(real, "utf8").catch(() => {
    throw new UserError("There is no readable file at that path.");
  });
}

/** Imports a dbt manifest (uploaded, or read from the server): enriches the synced resources, replaces dbt lineage. */
export const importDbtManifest = authorizedAction({ input: dbtImportInput, permission: "integrations.manage" }, async ({ viewer, input }) => {
  const text = input.path ? await readManifestFile(input.path) : input.manifest!;
  let manifest;
  try {
    // Parsing with the files' own limit when it comes from the server's disk.
    manifest = parseManifest(text, input.path ? MAX_FILE_BYTES : undefined);
  } catch (e) {
    if (e instanceof ManifestError) throw new UserError(e.message);
    throw e;
  }
  const counts = await withViewer(
    viewer,
    async (tx) => {
      const c = await applyManifest(tx, viewer.workspaceId, manifest, viewer.userId);
      await recordAudit(tx, viewer, { action: "dbt.imported", targetType: "integration", targetName: "dbt", after: { ...c, project: manifest.metadata.project_name ?? null, version: manifest.metadata.dbt_schema_version } });
      return c;
    },
    { timeout: 10 * 60_000 },
  );
  refresh("/settings/integrations", "/catalog");
  return counts;
});
