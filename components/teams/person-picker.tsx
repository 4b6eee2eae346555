"use client";
import { useMemo, useState } from "react";
import { Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { ROLE_LABELS, type Role } from "@/lib/policy";

export type PickablePerson = { id: string; name: string; email: string; role: Role };

/** A filterable checklist of people the server listed for this viewer (scoped there, never here). */
export function PersonPicker({ people, selected, onChange }: { people: PickablePerson[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const [q, setQ] = useState("");
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle ? people.filter((p) => p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle)) : people;
  }, [people, q]);
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <div>
      <label className="relative block">
        <span className="sr-only">Find people</span>
        <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Find by name or email…" className={`${inputClass} pl-8`} />
      </label>
      <ul className="mt-3 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
        {shown.length === 0 ? <li className="px-3 py-6 text-center text-sm text-slate-500">Nobody to add.</li> : null}
        {shown.map((p) => (
          <li key={p.id}>
            <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={selected.includes(p.id)} onChange={() => toggle(p.id)} aria-label={p.name} />
              <span className="font-medium text-slate-800">{p.name}</span>
              <span className="truncate text-slate-500">{p.email}</span>
              <Badge tone={p.role === "GUEST" ? "amber" : "slate"} className="ml-auto">{ROLE_LABELS[p.role]}</Badge>
            </label>
          </li>
        ))}
      </ul>
      {selected.length ? <p className="mt-2 text-xs text-slate-500">{selected.length} selected</p> : null}
    </div>
  );
}
