import { ROLE_LABELS } from "@/lib/policy";
import { csvRow } from "@/lib/csv";
import type { MemberRow } from "./queries";

const STATUS_LABELS = { ACTIVE: "Active", INVITED: "Invited", DEACTIVATED: "Deactivated" } as const;

export function membersCsv(rows: MemberRow[]): string {
  let out = csvRow(["Name", "Email", "Role", "Status", "Teams", "Groups", "Joined", "Last active"]);
  for (const r of rows) {
    out += csvRow([
      r.name,
      r.email,
      ROLE_LABELS[r.role],
      STATUS_LABELS[r.status],
      r.teams.map((t) => t.name).join("; "),
      r.groups.map((g) => g.name).join("; "),
      r.joinedAt,
      r.lastActiveAt ?? "",
    ]);
  }
  return out;
}
