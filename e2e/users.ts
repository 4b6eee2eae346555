export const PASSWORD = "enclave-demo";

/** One signed-in state per role, saved by auth.setup.ts. */
export const STATES = {
  admin: { email: "admin@acme.test", file: "e2e/.auth/admin.json" },
  editor: { email: "editor@acme.test", file: "e2e/.auth/editor.json" },
  viewer: { email: "viewer@acme.test", file: "e2e/.auth/viewer.json" },
  ana: { email: "ana@northwind.test", file: "e2e/.auth/ana.json" },
  cara: { email: "cara@globex.test", file: "e2e/.auth/cara.json" },
} as const;

export const FOREIGN_TO_NORTHWIND = ["Globex", "Initech", "Cara", "Dan Okafor", "Eve Larsen", "Finn Walsh", "globex.test", "initech.test", "finance", "Finance"];
