import "server-only";
import { revalidatePath } from "next/cache";

/** Refreshes the pages that show what an action changed; a no-op outside a request (tests, scripts). */
export function refresh(...paths: string[]): void {
  for (const p of paths) {
    try {
      revalidatePath(p);
    } catch {
      /* not inside a Next request */
    }
  }
}
