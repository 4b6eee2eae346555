import { expect } from "vitest";

/**
 * What a refused action says, for matching in tests: its message and the fields it points at ("[field teamIds]").
 * Also checks the message is in words a person reads: no internal field name in front of it ("teamIds: …").
 */
export function said(res: { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | false): string {
  if (!res || res.ok) return "";
  expect(res.error ?? "").not.toMatch(/^[a-z]+[A-Za-z]*(\.\w+)*: /);
  return `${res.error} ${Object.keys(res.fieldErrors ?? {}).map((k) => `[field ${k}]`).join(" ")}`.trim();
}
