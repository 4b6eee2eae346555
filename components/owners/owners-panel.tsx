"use client";
import { useRef } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { UserRound, UsersRound, X } from "lucide-react";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { addResourceOwner, removeResourceOwner } from "@/lib/owners/actions";
import type { OwnerCandidate, OwnerDto } from "@/lib/owners/types";
import { OwnerPicker } from "./owner-picker";

const key = (o: { kind: string; id: string }) => `${o.kind}:${o.id}`;
const ids = (o: { kind: string; id: string }) => (o.kind === "user" ? { userId: o.id } : { groupId: o.id });

/**
 * A resource's owners, as the viewer may see them; editors and admins add them through a type-ahead (the server
 * finds whom this viewer may name: people, and for admins groups) and remove them here; the server checks the
 * same again on every change.
 */
export function OwnersPanel({ resourceId, owners, canEdit }: { resourceId: string; owners: OwnerDto[]; canEdit: boolean }) {
  const router = useRouter();
  const picked = useRef("");
  const adding = useAction(addResourceOwner, {
    fields: [],
    success: () => `${picked.current} is now an owner.`,
    onSuccess: () => router.refresh(),
  });
  const removing = useAction(removeResourceOwner, { fields: [], onSuccess: () => router.refresh() });
  const pending = adding.pending || removing.pending;
  const error = adding.error ?? removing.error;
  const add = (o: OwnerCandidate) => {
    removing.clear();
    picked.current = o.name;
    void adding.run({ resourceId, ...ids(o) });
  };
  const remove = (o: OwnerDto) => {
    adding.clear();
    void removing.run({ resourceId, ...ids(o) });
  };

  return (
    <div data-testid="resource-owners">
      {owners.length ? (
        <ul aria-label="Owners" className="divide-y divide-slate-100">
          {owners.map((o) => (
            <li key={key(o)} className="flex items-center gap-2 px-5 py-2.5 text-sm">
              {o.kind === "user" ? <UserRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden /> : <UsersRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />}
              <div className="min-w-0 flex-1">
                <Link href={`/search?owner=${o.id}`} className="font-medium text-slate-800 hover:underline" title={`Everything ${o.name} owns`}>{o.name}</Link>
                <div className="truncate text-xs text-slate-500">{o.kind === "user" ? o.email : "Group"}</div>
              </div>
              {canEdit ? (
                <button type="button" aria-label={`Remove owner ${o.name}`} disabled={pending} onClick={() => remove(o)} className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
                  <X className="h-3.5 w-3.5" aria-hidden />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">No owner yet.</p>
      )}
      {canEdit ? (
        <div className="border-t border-slate-100 px-5 py-4 text-sm">
          <OwnerPicker resourceId={resourceId} taken={new Set(owners.map(key))} disabled={pending} onPick={add} />
          {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
        </div>
      ) : null}
    </div>
  );
}
