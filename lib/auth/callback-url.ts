// Where the sign-in page sends a person afterwards: a path of this site, never anything a browser could read as
// another origin. Browsers strip tabs and newlines from a URL and read a backslash as a slash, so "/\t/evil.example"
// or "/\\evil.example" would become "//evil.example": only printable ASCII without backslashes is accepted, and
// the result must still be a same-origin path after the URL parser has had its say. Used on the server (the page,
// the redirect) and in the sign-in form before it navigates.

const FALLBACK = "/catalog";
const BASE = "http://enclave.invalid";
// Printable ASCII but space and backslash; no percent-encoded control character either.
const PRINTABLE = /^[\x21-\x5b\x5d-\x7e]*$/;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f|5c)/i;

/** The value as a path of this site, or null when a browser could read it as anything else. */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  if (!value.startsWith("/") || value.startsWith("//") || !PRINTABLE.test(value) || ENCODED_CONTROL.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to go after signing in: a same-origin path that is neither the sign-in page nor an API route. */
export function safeCallbackUrl(raw: unknown): string {
  const path = sameOriginPath(Array.isArray(raw) ? raw[0] : raw);
  if (!path || path.startsWith("/login") || path.startsWith("/api/")) return FALLBACK;
  return path;
}
