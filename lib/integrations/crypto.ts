import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * The key that encrypts integration secrets at rest (AES-256-GCM): ENCLAVE_ENCRYPTION_KEY (32 bytes as base64
 * or 64 hex digits) when set; otherwise one generated once into .data/encryption-key (ENCLAVE_ENCRYPTION_KEY_FILE).
 */
export function encryptionKey(): Buffer {
  const fromEnv = process.env.ENCLAVE_ENCRYPTION_KEY;
  if (fromEnv) return parseKey(fromEnv, "ENCLAVE_ENCRYPTION_KEY");
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.ENCLAVE_ENCRYPTION_KEY_FILE ?? path.join(process.cwd(), ".data", "encryption-key"));
  try {
    return parseKey(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim(), file);
  } catch (e) {
    if ((e as { code?: string }).code !== "ENOENT") throw e;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = crypto.randomBytes(32);
    fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    return key;
  }
}

function parseKey(s: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, "hex") : Buffer.from(s, "base64");
  if (key.length !== 32) throw new Error(`${where}: the encryption key must be 32 bytes (base64 or 64 hex digits).`);
  return key;
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptSecret(plain: string, key = encryptionKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, key = encryptionKey()): string {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("Unreadable secret.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
