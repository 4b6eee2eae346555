/** Only same-site paths come back from the sign-in page: never another origin, never a protocol-relative URL. */
export function safeCallbackUrl(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/catalog";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/catalog";
  return value.slice(0, 2000);
}
