import { z } from "zod";

// Control characters at the boundary. PostgreSQL refuses a NUL in text outright (a 500 if it gets that far), and
// the others have no business in a name or a search. URL parameters drop them silently (a filter is a hint);
// actions refuse them with a message (a change is deliberate). Tab, newline and carriage return stay allowed in
// action input: descriptions are multi-line.

const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const FORBIDDEN_IN_INPUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = "Text may not contain control characters (such as NUL).";

export function stripControl(s: string): string {
  return s.replace(ANY_CONTROL, "");
}

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A free-text URL parameter (a filter or a search): control characters dropped, trimmed, at most max long. */
export function queryText(max = 200) {
  return z.preprocess((v) => {
    const s = one(v);
    return typeof s === "string" ? stripControl(s) : s;
  }, z.string().trim().max(max)).catch("");
}

/** The first string anywhere in an action's input that holds a forbidden control character, if any. */
export function hasControlCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return FORBIDDEN_IN_INPUT.test(value);
  if (depth > 8 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasControlCharacter(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => FORBIDDEN_IN_INPUT.test(k) || hasControlCharacter(v, depth + 1));
}
