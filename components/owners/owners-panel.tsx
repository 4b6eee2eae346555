"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus, UserRound, UsersRound, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { addResourceOwner, removeResourceOwner } from "@/lib/owners/actions";
import type { OwnerDto, OwnerOption } from "@/lib/owners/types";

const key = (o: { kind: string; id: string }) => `${o.kind}:${o.id}`;
const ids = (o: { kind: string; id: string }) => (o.kind === "user" ? { userId: o.id } : { groupId: o.id });

/**
 * A resource's owners, as the viewer may see them; editors and admins add and remove them here. The options are
 * the people (and, for admins, the groups) the editor can see; the server checks the same again.
 */
export function OwnersPanel({ resourceId, owners, options }: { resourceId: string; owners: OwnerDto[]; options: OwnerOption[] | null }) {
  const router = useRouter();
  const [choice, setChoice] = useState("");
  const taken = new Set(owners.map(key));
  const available = (options ?? []).filter((o) => !taken.has(key(o)));

  const adding = useAction(addResourceOwner, {
    fields: [],
    onSuccess: () => {
      setChoice("");
      router.refresh();
    },
  });
  const removing = useAction(removeResourceOwner, { fields: [], onSuccess: () => router.refresh() });
  const pending = adding.pending || removing.pending;
  const error = adding.error ?? removing.error;
  const add = () => {
    const o = available.find((x) => key(x) === choice);
    if (!o) return;
    removing.clear();
    void adding.run({ resourceId, ...ids(o) });
  };
  const remove = (o: OwnerDto) => {
    adding.clear();
    void removing.run({ resourceId, ...ids(o) });
  };

  return (
    <div data-testid="resource-owners">
      {owners.length ? (
        <ul className="divide-y divide-slate-100">
          {owners.map((o) => (
            <li key={key(o)} className="flex items-center gap-2 px-5 py-2.5 text-sm">
              {o.kind === "user" ? <UserRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden /> : <UsersRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />}
              <div className="min-w-0 flex-1">
                <Link href={`/search?owner=${o.id}`} className="font-medium text-slate-800 hover:underline" title={`Everything ${o.name} owns`}>{o.name}</Link>
                <div className="truncate text-xs text-slate-500">{o.kind === "user" ? o.email : "Group"}</div>
              </div>
              {options ? (
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
      {options ? (
        <div className="border-t border-slate-100 px-5 py-4 text-sm">
          <label htmlFor="add-owner" className="text-xs font-medium text-slate-600">Add an owner</label>
          <div className="mt-1 flex gap-2">
            <select id="add-owner" value={choice} onChange={(e) => { setChoice(e.target.value); adding.clear(); }} className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm">
              <option value="">Person or group…</option>
              {available.map((o) => (
                <option key={key(o)} value={key(o)}>{o.label}</option>
              ))}
            </select>
            <Button type="button" onClick={add} disabled={pending || !choice} className="px-2.5 py-1.5">
              <Plus className="h-3.5 w-3.5" aria-hidden /> Add
            </Button>
          </div>
          {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
        </div>
      ) : null}
    </div>
  );
}
