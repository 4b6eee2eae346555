import type { Page } from "@playwright/test";

export type Found = { id: string; name: string };

/** Every resource reachable by following the catalog's links as the page's user (breadth first). */
export async function crawlResources(page: Page, limit = 400): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ["/catalog"];
  const visited = new Set<string>();
  while (queue.length && visited.size < limit) {
    const url = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    const res = await page.goto(`${url}${url.startsWith("/resources/") ? "?size=100" : ""}`);
    // The catalog's first page always lists something for a person with resources: wait for it, and say what the
    // page was when it does not (a redirect to the sign-in page, an error) rather than crawl nothing.
    if (url === "/catalog") {
      await page.waitForSelector('main a[href^="/resources/"]', { timeout: 15_000 }).catch(async () => {
        throw new Error(`/catalog listed no resource: ${res?.status()} at ${page.url()}: ${(await page.locator("main").innerText().catch(() => "")).slice(0, 300)}`);
      });
    }
    const links = await page.$$eval('main a[href^="/resources/"]', (as) =>
      as.map((a) => ({ href: a.getAttribute("href")!, name: (a.textContent ?? "").trim() })),
    );
    for (const l of links) {
      const id = l.href.split("/")[2].split("?")[0];
      if (!seen.has(id) || seen.get(id) === "") seen.set(id, l.name);
      const next = `/resources/${id}`;
      if (!visited.has(next)) queue.push(next);
    }
  }
  return seen;
}
