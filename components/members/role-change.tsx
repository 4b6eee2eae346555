"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { changeRole, previewRoleChange } from "@/lib/members/actions";
import type { RoleChangePreview } from "@/lib/members/service";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";

/** Shows what a role change does to access (counts from the server) and applies it only once confirmed. */
export function RoleChangeDialog({ userIds, role, onClose, onDone }: { userIds: string[]; role: Role; onClose: () => void; onDone: () => void }) {
  const router = useRouter();
  const [preview, setPreview] = useState<RoleChangePreview | null>(null);
  const previewing = useAction(previewRoleChange, { fields: [], onSuccess: setPreview });
  const applying = useAction(changeRole, {
    fields: [],
    success: `Made ${userIds.length === 1 ? "this member" : `${userIds.length} members`} ${ROLE_LABELS[role]}`,
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const error = previewing.error ?? applying.error;
  const pending = applying.pending;
  const ask = previewing.run;
  const forget = previewing.reset;
  // Only the answer for the current people and role lands (the hook drops an earlier call's).
  useEffect(() => {
    void ask({ userIds, role });
    return forget;
  }, [userIds, role, ask, forget]);

  const apply = () => void applying.run({ userIds, role });

  const changing = preview?.groups.reduce((n, g) => n + g.count, 0) ?? 0;
  return (
    <Dialog open title={`Make ${userIds.length === 1 ? "this member" : `${userIds.length} members`} ${ROLE_LABELS[role]}`} description="Review what changes. It applies at their next request." onClose={onClose} wide>
      {!preview && !error ? <p className="text-sm text-slate-500">Working out what changes…</p> : null}
      {preview ? (
        <div className="space-y-3" data-testid="role-preview">
          {preview.groups.map((g) => (
            <div key={g.from} className="rounded-lg border border-slate-200 px-4 py-3">
              <div className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800">
                <span>{g.count === 1 ? g.names[0] : `${g.count} members`}</span>
                <span className="inline-flex items-center gap-1 text-slate-500">{ROLE_LABELS[g.from]} <ArrowRight className="h-3.5 w-3.5" /> {ROLE_LABELS[g.to]}</span>
              </div>
              {g.count > 1 ? <p className="mt-0.5 text-xs text-slate-500">{g.names.join(", ")}{g.count > g.names.length ? ` and ${g.count - g.names.length} more` : ""}</p> : null}
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-600">
                {g.effects.map((e) => <li key={e}>{e}</li>)}
              </ul>
            </div>
          ))}
          {preview.unchanged ? <p className="text-sm text-slate-500">{preview.unchanged} already {preview.unchanged === 1 ? "has" : "have"} this role and stay{preview.unchanged === 1 ? "s" : ""} as {preview.unchanged === 1 ? "is" : "they are"}.</p> : null}
        </div>
      ) : null}
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>Cancel</Button>
        <Button onClick={apply} disabled={pending || !preview || changing === 0}>{pending ? "Applying…" : changing ? `Change ${changing === 1 ? "role" : `${changing} roles`}` : "Nothing to change"}</Button>
      </div>
    </Dialog>
  );
}
