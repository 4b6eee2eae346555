// The lineage graph drawn in the browser (issue #18): a console running on a bench database (bench/generate.ts,
// then bench/lineage.ts, which adds the 10,000-edge neighbourhood), Debian's Chromium through playwright-core as
// e2e does. Times, per run, from the navigation's start to the moment the graph is drawn: every node of the
// lineage has been laid out and xyflow has drawn the nodes and edges it renders (it renders what lies in the
// viewport once the graph holds more than 200 nodes: onlyRenderVisibleElements; the figures say how many).
// Also prints the server's part (the document's responseEnd) so the two can be told apart.
//
//   ENCLAVE_… DATABASE_URL=postgres://…/enclave_bench_lineage PORT=3121 npm start   (another shell)
//   npx tsx --tsconfig bench/tsconfig.json bench/lineage-draw.ts --base http://localhost:3121 --resource <id> [--runs 5] [--user admin@bench.test]
import { chromium } from "playwright-core";
import { BENCH_PASSWORD, ADMIN_EMAIL } from "./lib/workspace";

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1]! : d);
const base = opt("base", "http://localhost:3121");
const resource = opt("resource", "");
const user = opt("user", ADMIN_EMAIL);
const runs = Number(opt("runs", "5"));
const depth = opt("depth", "3");
if (!resource) throw new Error("--resource <id>: the table bench/lineage.ts gave the 10,000-edge neighbourhood");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/login`);
await page.fill('input[name="email"]', user);
await page.fill('input[name="password"]', BENCH_PASSWORD);
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 60_000 }), page.click('button[type="submit"]')]);

const url = `${base}/resources/${resource}?ldir=both&ldepth=${depth}#lineage`;
const rows: { total: number; server: number; nodes: number; edges: number; drawnNodes: number; drawnEdges: number }[] = [];
for (let i = 0; i < runs + 1; i++) {
  // A fresh document each run (the same URL again would only move to its #lineage anchor).
  await page.goto("about:blank");
  await page.goto(url, { waitUntil: "commit", timeout: 300_000 });
  // Drawn: the graph's viewport holds nodes and edge paths, and the count stops changing for two frames.
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __last?: string; __stable?: number };
      const n = document.querySelectorAll(".react-flow__node").length;
      // xyflow's own edges, or (beyond 300 edges) the panel's edge layer: one path per kind, data-lineage-edges = count.
      const layer = document.querySelector("[data-lineage-edges]");
      const e = document.querySelectorAll(".react-flow__edge path").length + (layer?.querySelectorAll("path").length ? Number(layer.getAttribute("data-lineage-edges")) : 0);
      const key = `${n}/${e}`;
      if (!n || !e) return false;
      w.__stable = w.__last === key ? (w.__stable ?? 0) + 1 : 0;
      w.__last = key;
      return w.__stable >= 2;
    },
    undefined,
    { polling: "raf", timeout: 300_000 },
  );
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      total: performance.now(),
      server: nav.responseEnd,
      drawnNodes: document.querySelectorAll(".react-flow__node").length,
      drawnEdges: document.querySelectorAll(".react-flow__edge").length + Number(document.querySelector("[data-lineage-edges]")?.getAttribute("data-lineage-edges") ?? 0),
    };
  });
  // The whole lineage the page holds, as its list view shows it (the table of edges), for the record.
  const counts = await page.evaluate(() => {
    const t = document.body.innerText.match(/([\d,]+) resources?, ([\d,]+) edges?\. Click a node/);
    return t ? { nodes: Number(t[1].replace(/,/g, "")), edges: Number(t[2].replace(/,/g, "")) } : { nodes: -1, edges: -1 };
  });
  if (i > 0) rows.push({ total: m.total, server: m.server, nodes: counts.nodes, edges: counts.edges, drawnNodes: m.drawnNodes, drawnEdges: m.drawnEdges }); // the first run warms the server up
}
await browser.close();
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const totals = rows.map((r) => r.total);
const servers = rows.map((r) => r.server);
console.log(rows.map((r) => `${r.total.toFixed(0)} ms (document ${r.server.toFixed(0)} ms, drawing ${(r.total - r.server).toFixed(0)} ms), drawn ${r.drawnNodes} nodes / ${r.drawnEdges} edges`).join("\n"));
console.log(
  `graph drawn, ${user}: p50 ${q(totals, 50).toFixed(0)} ms, p95 ${q(totals, 95).toFixed(0)} ms (document received: p50 ${q(servers, 50).toFixed(0)} ms; after it, drawing: p50 ${q(rows.map((r) => r.total - r.server), 50).toFixed(0)} ms) over ${rows.length} runs; drawn ${rows[0]?.drawnNodes} nodes, ${rows[0]?.drawnEdges} edges`,
);
