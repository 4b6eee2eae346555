import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db/client";
import { authSecret } from "./secret";
import { resolveViewer, type Viewer } from "./resolve-viewer";

export type { Viewer } from "./resolve-viewer";

/**
 * The viewer of this request, resolved from the session and the database on every request (once per
 * request thanks to cache), so a deactivation, a role change or a password change applies at the next one.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  const raw = jar.get("__Secure-next-auth.session-token")?.value ?? jar.get("next-auth.session-token")?.value;
  if (!raw) return null;
  // decode() verifies the signature-encryption and the expiry.
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.sub || typeof token.sv !== "number") return null;
  return resolveViewer(await db(), token.sub, token.sv);
});

/** For pages: the viewer, or a trip to the sign-in page that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const h = await headers();
    const back = h.get("x-enclave-path") ?? "/catalog";
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return viewer;
}
