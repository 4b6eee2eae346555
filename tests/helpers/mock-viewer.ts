// Stands in for @/lib/auth/viewer in integration tests of server actions (there is no request there):
//   vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
//   actAs(await db.viewer("ana@northwind.test")); const res = await someAction(input);
// actAs re-resolves nothing: pass a fresh db.viewer(...) after changing roles or memberships.
import type { Viewer } from "@/lib/auth/resolve-viewer";

export type { Viewer };

let current: Viewer | null = null;

export function actAs(viewer: Viewer | null): void {
  current = viewer;
}

export async function getViewer(): Promise<Viewer | null> {
  return current;
}

export async function requireViewer(): Promise<Viewer> {
  if (!current) throw new Error("requireViewer() with no viewer in a test");
  return current;
}
