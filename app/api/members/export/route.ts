import { NextResponse } from "next/server";
import { authorizedRoute } from "@/lib/actions/authorized-route";
import { exportParams } from "@/lib/members/schemas";
import { exportMembers } from "@/lib/members/queries";
import { membersCsv } from "@/lib/members/export";

export const dynamic = "force-dynamic";

// The members table's filtered list as CSV, for admins: the same scoped query, without the page limit.
export const GET = authorizedRoute({ query: exportParams, permission: "members.manage" }, async ({ viewer, query }) => {
  const rows = await exportMembers(viewer, query);
  if (!rows) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(membersCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="members-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
