// A guest who guesses another client's URL gets a 404 that names nothing: no title, body or RSC payload
// carries the foreign resource's name.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import { STATES, FOREIGN_TO_NORTHWIND } from "./users";
import { crawlResources } from "./crawl";
import { expectNotFound } from "./not-found";

test("Ana gets a plain 404 for every resource she cannot see", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await browser.newContext({ storageState: STATES.admin.file });
  const everything = await crawlResources(await admin.newPage());
  await admin.close();
  const ana = await browser.newContext({ storageState: STATES.ana.file });
  const page = await ana.newPage();
  const hers = await crawlResources(page);
  expect(hers.size).toBeGreaterThan(10);
  expect(everything.size).toBeGreaterThan(hers.size);
  for (const id of hers.keys()) expect(everything.has(id)).toBe(true);

  const herNames = new Set([...hers.values()]);
  // What a 404 for an id that exists nowhere says: a word found there (e.g. "account", from the link to
  // /account) is the page's own, not a leak.
  const baseline: Record<string, string> = {};
  for (const rsc of [false, true]) {
    baseline[String(rsc)] = await (await page.request.get(`/resources/${crypto.randomUUID()}`, { headers: rsc ? { RSC: "1" } : {} })).text();
  }
  const foreign = [...everything].filter(([id]) => !hers.has(id));
  for (const [id, name] of foreign) {
    for (const rsc of [false, true]) {
      const res = await page.request.get(`/resources/${id}`, { headers: rsc ? { RSC: "1" } : {} });
      const body = await res.text();
      expectNotFound(res.status(), body, `${name} (${id}) → ${res.url()}`);
      if (!herNames.has(name) && name.length > 5 && !baseline[String(rsc)].includes(name)) expect(body, `${name} leaked`).not.toContain(name);
      for (const word of FOREIGN_TO_NORTHWIND) expect(body).not.toContain(word);
      if (!rsc) expect(body).toContain("Page not found · Enclave");
    }
  }
  await ana.close();
});
