import { expect } from "@playwright/test";

/**
 * A page request must answer 404. A client-side navigation (an RSC request, which Next answers 200 once the
 * stream has started) must carry the not-found boundary instead of the page.
 */
export function expectNotFound(status: number, body: string, label: string) {
  if (status === 404) return;
  expect(status, label).toBe(200);
  expect(body, `${label}: RSC payload without the not-found boundary`).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
}
