import { z } from "zod";
import { ApiReference } from "@scalar/nextjs-api-reference";
import { authorizedRoute } from "@/lib/actions/authorized-route";

export const dynamic = "force-dynamic";

// The interactive reference of /api/v1 (Scalar), for signed-in people. Its script is the npm package's own
// bundle served from public/vendor (scripts/vendor-assets.mjs): no CDN. A CSP nonce, when the proxy sets one,
// is passed on to Scalar's inline start-up script and styles.
export const GET = authorizedRoute({ query: z.object({}) }, async ({ req }) => {
  const nonce = req.headers.get("x-nonce") ?? undefined;
  const res = ApiReference({
    url: "/api/v1/openapi.json",
    pageTitle: "Enclave API reference",
    cdn: "/vendor/scalar-api-reference.js",
    nonce,
    withDefaultFonts: false,
    hideClientButton: true,
    telemetry: false,
    agent: { disabled: true },
    metaData: { title: "Enclave API reference" },
  } as Parameters<typeof ApiReference>[0])();
  const headers = new Headers(res.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(res.body, { status: res.status, headers });
});
