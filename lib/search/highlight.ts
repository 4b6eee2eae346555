// Which parts of a name or description to highlight for a query, computed in TypeScript and rendered as
// <mark> elements around plain text (never as HTML). A range starts where a word of the query starts a word
// of the text (the prefix match the database made), or anywhere the whole query appears.
import { queryTerms } from "./sql";
import type { Range } from "./types";

/** Word starts of a text, split like search_words(): separators, and camelCase humps. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : "";
    const isSep = (ch: string) => ch === "" || /[\s!-/:-@[-`{-~]/u.test(ch);
    if (isSep(c)) continue;
    if (isSep(prev) || (/[A-Z]/.test(c) && /[a-z0-9]/.test(prev))) starts.push(i);
  }
  return starts;
}

export function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function highlightRanges(text: string, q: string): Range[] {
  const query = q.trim();
  if (!text || !query) return [];
  const lower = text.toLowerCase();
  const ranges: Range[] = [];
  const whole = query.toLowerCase();
  if (whole.length >= 2) {
    for (let i = lower.indexOf(whole); i !== -1; i = lower.indexOf(whole, i + whole.length)) ranges.push([i, i + whole.length]);
  }
  const terms = queryTerms(query);
  for (const start of wordStarts(text)) {
    for (const t of terms) if (lower.startsWith(t, start)) ranges.push([start, start + t.length]);
  }
  return merge(ranges);
}

/** The text cut into plain and marked pieces, for rendering. */
export function highlightPieces(text: string, q: string): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [a, b] of highlightRanges(text, q)) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** A description as one line of plain text for a result: markdown emphasis, code and heading marks removed. */
export function plainText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|`)/g, "")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}
