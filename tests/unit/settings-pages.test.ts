// Every settings page states its preamble (viewer, the right it needs, its URL, the 404) through one helper,
// lib/auth/settings-page.ts: a page that resolves the viewer or checks a right itself fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SETTINGS = path.join(ROOT, "app/(console)/settings");

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pages(p) : e.name === "page.tsx" ? [p] : [];
  });
}

export function preambleProblems(src: string): string[] {
  const out: string[] = [];
  if (!/from "@\/lib\/auth\/settings-page"/.test(src)) out.push("does not use settingsPage/settingsEntityPage");
  if (/\b(requireViewer|getViewer)\b/.test(src)) out.push("resolves the viewer itself");
  if (/\bcan\(/.test(src)) out.push("checks a permission itself");
  if (/safeParse\(/.test(src)) out.push("parses its id itself");
  if (/export const metadata\b/.test(src)) out.push("has a static title (a non-admin would learn the page's name)");
  return out;
}

describe("settings pages", () => {
  it("the checker flags a hand-written preamble and accepts the helper", () => {
    const bare = `import { requireViewer } from "@/lib/auth/viewer";\nexport const metadata = { title: "X" };\nexport default async function P() { const v = await requireViewer(); if (!can(v.role, "x")) notFound(); }`;
    expect(preambleProblems(bare)).toHaveLength(4);
    expect(preambleProblems(`import { settingsPage } from "@/lib/auth/settings-page";\nconst page = settingsPage("audit.read", "Audit log");`)).toEqual([]);
  });

  it("every page under app/(console)/settings goes through the one helper", () => {
    const found = pages(SETTINGS);
    expect(found.length).toBeGreaterThanOrEqual(14);
    const bad = found.flatMap((f) => preambleProblems(fs.readFileSync(f, "utf8")).map((p) => `${path.relative(ROOT, f)}: ${p}`));
    expect(bad).toEqual([]);
  });

  // #19: the same "Settings" label above every settings page's title (three pages had none). A page of one thing
  // (/settings/groups/[id]) says instead where it belongs ("Groups", a link back).
  it("every settings page's header carries the Settings label", () => {
    const bare = pages(SETTINGS).filter((f) => !f.includes("[")).filter((f) => !/<PageHeader\b[^>]*\beyebrow="Settings"/s.test(fs.readFileSync(f, "utf8")));
    expect(bare.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
