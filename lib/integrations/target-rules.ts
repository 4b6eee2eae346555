// The static part of where an integration may connect (lib/integrations/target.ts has the rest): no socket path, no
// query parameter that could point the client elsewhere or make it read a file on the server. Pure, so that the
// input schemas can use it.

/** Query parameters a connection string may carry: the rest (host=, hostaddr=, sslrootcert= …) could redirect or read files. */
const ALLOWED_PARAMS = new Set(["sslmode", "application_name", "connect_timeout"]);
const SSL_MODES = new Set(["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"]);

/** The static part of the rule, for input validation: a message, or null when the string may be tried. */
export function connectionStringProblem(s: string): string | null {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return "Use a PostgreSQL URL: postgres://user:password@host:5432/database";
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") return "Use a PostgreSQL URL: postgres://user:password@host:5432/database";
  const host = decodeURIComponent(u.hostname);
  if (!host) return "Use a PostgreSQL URL: postgres://user:password@host:5432/database";
  if (host.includes("/") || host.startsWith("@")) return "Connect through a host name or address: socket paths are not allowed.";
  for (const [k, v] of u.searchParams) {
    if (!ALLOWED_PARAMS.has(k)) return `The parameter "${k}" is not allowed in the connection string (only sslmode, application_name and connect_timeout).`;
    if (k === "sslmode" && !SSL_MODES.has(v)) return `Unknown sslmode "${v}".`;
  }
  if (u.port && !(Number(u.port) >= 1 && Number(u.port) <= 65535)) return "The port must be between 1 and 65535.";
  return null;
}
