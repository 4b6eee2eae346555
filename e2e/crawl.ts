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
    await page.goto(`${url}${url.startsWith("/resources/") ? "?size=100" : ""}`);
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
