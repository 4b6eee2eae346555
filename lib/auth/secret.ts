import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * The signing secret: NEXTAUTH_SECRET (or AUTH_SECRET) when set; otherwise one generated once and kept in the
 * data folder, so a fresh machine signs people in without any configuration and restarts keep sessions.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.ENCLAVE_SECRET_FILE ?? path.join(process.cwd(), ".data", "auth-secret"));
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
