import { NextResponse } from "next/server";
import { readiness } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

// Readiness: the database answers and its migrations are current (503 otherwise). No session; fixed words only.
export async function GET() {
  const r = await readiness();
  return NextResponse.json(
    { status: r.ready ? "ready" : "not ready", database: r.database, migrations: r.migrations },
    { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
