// Generates the Prisma client offline. The CLI insists on a schema-engine binary it would download; this
// stand-in exits 1 so that any command actually needing it fails loudly (one that exits 0 fools `migrate deploy`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import fs from "node:fs";

const stub = path.resolve("scripts/no-schema-engine.sh");
fs.chmodSync(stub, 0o755);
const res = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(res.status ?? 1);
