import type { z } from "zod";
import type { FieldErrors } from "./result";

/**
 * zod issues → one message per field, keyed by the top-level input name ("teamIds", not "teamIds.0"), first
 * issue wins. zod's built-in messages ("Invalid input: expected string…") are replaced by a plain sentence so
 * that what a person reads never mentions types; the schemas' own messages are kept as written.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    if (out[key]) continue;
    out[key] = readable(issue);
  }
  return out;
}

function readable(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (/^Invalid (input|option|string|uuid|email|UUID)|^Too (big|small)|^Expected|^Unrecognized/.test(m)) {
    if (issue.code === "too_small") return "This is too short or empty.";
    if (issue.code === "too_big") return "This is too long.";
    return "This value is not valid.";
  }
  return m;
}
