import type { NextConfig } from "next";

// The Content-Security-Policy (with a nonce per request) and HSTS are set in proxy.ts: a static header here could
// only allow inline scripts wholesale ('unsafe-inline').

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Database drivers stay real Node modules: PGlite loads its WebAssembly from its own folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "@prisma/schema-engine-wasm", "bcryptjs", "pg-boss"],
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
