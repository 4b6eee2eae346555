import Link from "next/link";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { IsolationReport } from "@/lib/isolation/queries";

const KIND_LABELS: Record<string, string> = {
  "guest-resource": "A guest sees another client's resource",
  "guest-person": "A guest sees another client's guest",
  "guest-two-teams": "A guest in two client teams",
  "group-two-clients": "A group holding guests of two clients",
  "shared-resource": "A resource shared by two clients",
};

/** The verdict and every exposure, each with a link to where it can be fixed. */
export function IsolationFindings({ report, scope }: { report: IsolationReport; scope: string }) {
  const isolated = report.findings === 0;
  return (
    <>
      <div
        data-testid="isolation-verdict"
        className={`flex items-start gap-2.5 border-b px-5 py-3 text-sm font-medium ${isolated ? "border-emerald-100 bg-emerald-50 text-emerald-800" : "border-rose-100 bg-rose-50 text-rose-800"}`}
      >
        {isolated ? <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> : <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />}
        {/* One sentence that wraps as one on a phone (not a verdict column beside a text column). */}
        <p className="min-w-0">
        {isolated ? "Isolated" : `${report.findings.toLocaleString("en-US")} ${report.findings === 1 ? "exposure" : "exposures"}`}{" "}
        <span className="font-normal opacity-80">
          {isolated ? `— no guest of ${scope} can see anything of another client.` : "— each one below, with a link to fix it."}
        </span>
        </p>
      </div>
      {report.lines.length ? (
        <ul className="divide-y divide-slate-100" data-testid="isolation-findings">
          {report.lines.map((l) => (
            <li key={l.keys[0]} className="flex items-start gap-3 px-5 py-3 text-sm">
              <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-rose-500" aria-hidden />
              <div className="min-w-0 flex-1">
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  {KIND_LABELS[l.kind]}
                  {l.sharing ? " · sharing" : ""}
                  {l.keys.length > 1 ? ` · ${l.keys.length.toLocaleString("en-US")} exposures` : ""}
                </p>
                <p className="mt-0.5 text-slate-800">{l.text}</p>
              </div>
              <Link href={l.fix} className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50">
                Fix
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
