// Lineage and dbt end to end: the graph of northwind.orders as the admin and as Ana (who sees nothing of finance
// or Globex, in the graph, the list or the page), and the dbt upload: a bad file is refused with a clear message,
// a good one enriches northwind.orders with its dbt description (restored afterwards).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { test, expect, type Page } from "@playwright/test";
import { STATES, FOREIGN_TO_NORTHWIND } from "./users";
import { loadIds } from "./ids";
import { generateManifest } from "@/lib/dbt/generate-manifest";
import { demoDbtModels, DBT_PROJECT } from "@/prisma/seed/dbt";

const orders = () => loadIds().resources.find((r) => r.name === "orders" && r.type === "TABLE")!;
const shots = process.env.E2E_SHOTS_DIR ?? path.join(os.tmpdir(), "lineage-shots");

async function openLineage(page: Page) {
  await page.goto(`/resources/${orders().id}?ldepth=3`);
  const graph = page.getByTestId("lineage-graph");
  await expect(graph).toBeVisible();
  await expect(graph.locator(".react-flow__node").first()).toBeVisible();
  return graph;
}

test("the admin's graph of northwind.orders reaches the finance view and the dashboard", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const graph = await openLineage(page);
  for (const name of ["monthly_sales", "client_revenue", "Northwind Sales Overview"]) await expect(graph.getByText(name, { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(shots, "lineage-admin.png"), fullPage: true });
  // The list alternative holds the same edges, reachable by keyboard.
  await page.getByRole("tab", { name: "List" }).click();
  await expect(page.getByTestId("lineage-list").getByRole("link", { name: "finance.client_revenue" }).first()).toBeVisible();
});

test("Ana's graph of northwind.orders: monthly_sales and the dashboard, nothing of finance or Globex", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  const graph = await openLineage(page);
  await expect(graph.locator(".react-flow__node")).toHaveCount(3);
  for (const name of ["orders", "monthly_sales", "Northwind Sales Overview"]) await expect(graph.getByText(name, { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(shots, "lineage-ana.png"), fullPage: true });
  await page.getByRole("tab", { name: "List" }).click();
  await expect(page.getByTestId("lineage-list").locator("tbody tr")).toHaveCount(3);
  const html = await page.content();
  for (const word of [...FOREIGN_TO_NORTHWIND, "client_revenue", "invoices"]) expect(html, `leaks ${word}`).not.toContain(word);
  // CSV export of what is drawn: the same three edges, nothing else.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
  for (const word of ["finance", "globex", "Globex"]) expect(csv).not.toContain(word);
});

test("dbt: a bad file is refused with a clear message; a good one enriches northwind.orders", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dbt-"));
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(bad, JSON.stringify({ metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v7.json" }, nodes: {} }));
  const manifest = (description: string) => {
    const file = path.join(dir, `manifest-${Date.now()}.json`);
    const models = demoDbtModels().map((m) => (m.name === "orders" ? { ...m, description } : m));
    fs.writeFileSync(file, JSON.stringify(generateManifest({ project: DBT_PROJECT, database: "analytics", models })));
    return file;
  };
  const upload = async (file: string) => {
    await page.goto("/settings/integrations");
    const form = page.getByTestId("dbt-import");
    await form.locator('input[type="file"]').setInputFiles(file);
    await form.getByRole("button", { name: "Import manifest" }).click();
    return form.getByTestId("dbt-import-status");
  };

  await expect(await upload(bad)).toHaveText("dbt manifest v7 is not supported: use a manifest of schema v10 to v12 (dbt 1.6 or later).");
  try {
    await expect(await upload(manifest("Orders, as documented in the dbt project."))).toContainText("4 dbt nodes matched to the catalog");
    await page.goto(`/resources/${orders().id}`);
    await expect(page.getByText("Orders, as documented in the dbt project.")).toBeVisible();
  } finally {
    await expect(await upload(manifest("One row per customer order."))).toContainText("4 dbt nodes matched");
  }
});

test("an editor draws a manual edge from orders to a dashboard; Ana sees it; the editor removes it", async ({ browser }) => {
  const editor = await (await browser.newContext({ storageState: STATES.editor.file })).newPage();
  await editor.goto(`/resources/${orders().id}?ldir=down&ldepth=1`);
  const form = editor.getByTestId("manual-edge-form");
  await form.getByLabel("Other resource").fill("Customer Health");
  await form.getByRole("button", { name: "Northwind Customer Health dashboard", exact: true }).click();
  await form.getByRole("button", { name: "Add edge" }).click();
  await expect(form.getByRole("status")).toHaveText("orders now feeds Northwind Customer Health.");
  try {
    const ana = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
    await ana.goto(`/resources/${orders().id}?ldir=down&ldepth=1`);
    await ana.getByRole("tab", { name: "List" }).click();
    await expect(ana.getByTestId("lineage-list").getByRole("row", { name: /Northwind Customer Health.*manual/ })).toBeVisible();
    await expect(ana.getByTestId("manual-edge-form")).toHaveCount(0);
  } finally {
    await editor.reload();
    await editor.getByRole("tab", { name: "List" }).click();
    await editor.getByRole("button", { name: /Remove the manual edge from northwind\.orders to Northwind Customer Health/ }).click();
    await expect(editor.getByTestId("lineage-list").getByRole("row", { name: /Northwind Customer Health/ })).toHaveCount(0);
  }
});
