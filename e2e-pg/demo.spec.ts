// The demo, migrated and seeded into a PostgreSQL database whose owner is not a superuser (what a managed service
// gives), served by `next start`: each person signs in and sees exactly what the README's demo table says.
import { test, expect } from "@playwright/test";
import { signIn, FOREIGN_TO_NORTHWIND } from "../e2e/users";
import { A, B } from "./servers";

test("a guest signs in and sees Northwind only, on both servers", async ({ browser }) => {
  const ana = await signIn(browser, "ana@northwind.test");
  for (const base of [A, B]) {
    await ana.goto(`${base}/catalog`);
    for (const name of ["northwind", "Northwind Sales Overview", "Northwind data dictionary"]) {
      await expect(ana.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
    }
    const main = await ana.locator("main").innerText();
    for (const word of [...FOREIGN_TO_NORTHWIND, "Warehouse", "Company KPIs"]) expect(main, `${base}: ${word}`).not.toContain(word);
    await ana.goto(`${base}/search?q=globex`);
    expect(await ana.locator("main").innerText()).not.toMatch(/Globex Revenue|globex\.test/);
  }
  await ana.context().close();
});

test("the admin sees everything, the finance schema (in no team) included; Cara sees Globex only", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  await admin.goto(`${B}/search?q=finance`);
  await expect(admin.locator("main")).toContainText("finance");
  await admin.goto(`${A}/catalog`);
  // The Warehouse integration heads the admin's data sources tree (its items: links with the treeitem role).
  await expect(admin.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "Warehouse", exact: true })).toBeVisible();
  await admin.context().close();

  const cara = await signIn(browser, "cara@globex.test");
  await cara.goto(`${B}/catalog`);
  await expect(cara.getByRole("link", { name: /globex/i }).first()).toBeVisible();
  const main = await cara.locator("main").innerText();
  for (const word of ["northwind", "Northwind", "initech", "finance", "Ana Souza"]) expect(main, word).not.toContain(word);
  await cara.context().close();
});
