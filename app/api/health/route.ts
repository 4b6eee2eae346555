import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness: the process serves requests. No session, no database, nothing named.
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
