"use client";
import { useId, useMemo, useState } from "react";
import { Check, Search, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { ROLE_LABELS, type Role } from "@/lib/policy";

export type PickablePerson = { id: string; name: string; email: string; role: Role };

/**
 * A multi-select combobox of people the server listed for this viewer (scoped there, never here), following the
 * ARIA combobox pattern: focus stays in the text box, ↑/↓/Home/End move the active option (announced through
 * aria-activedescendant), Enter toggles it, Esc clears the text first (and only then lets the dialog close).
 * The list stays open under the box; the people chosen so far sit above it, each removable.
 */
export function PersonPicker({ people, selected, onChange }: { people: PickablePerson[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (personId: string) => `${id}-opt-${personId}`;
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle ? people.filter((p) => p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle)) : people;
  }, [people, q]);
  const activeIndex = Math.min(active, shown.length - 1);
  const activePerson = activeIndex >= 0 ? shown[activeIndex] : undefined;
  const chosen = people.filter((p) => selected.includes(p.id));
  const toggle = (personId: string) => onChange(selected.includes(personId) ? selected.filter((s) => s !== personId) : [...selected, personId]);

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(last, to));
      setActive(next);
      // Keep the active option in view while the focus stays in the text box.
      document.getElementById(optionId(shown[next]?.id ?? ""))?.scrollIntoView({ block: "nearest" });
    };
    if (e.key === "ArrowDown") move(activeIndex + 1);
    else if (e.key === "ArrowUp") move(activeIndex - 1);
    else if (e.key === "Home" && !q) move(0);
    else if (e.key === "End" && !q) move(last);
    else if (e.key === "Enter") {
      // Enter picks, it never submits the surrounding form.
      e.preventDefault();
      if (activePerson) toggle(activePerson.id);
    } else if (e.key === "Escape" && q) {
      e.preventDefault();
      e.stopPropagation();
      setQ("");
      setActive(0);
    }
  }

  return (
    <div>
      {chosen.length ? (
        <ul aria-label="Chosen people" className="mb-2 flex flex-wrap gap-1.5">
          {chosen.map((p) => (
            <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-brand-800 ring-1 ring-inset ring-brand-200">
              {p.name}
              <button type="button" onClick={() => toggle(p.id)} aria-label={`Remove ${p.name}`} className="rounded-full p-0.5 hover:bg-brand-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                <X className="h-3 w-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <label htmlFor={`${id}-input`} className="sr-only">Find people</label>
        <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-500" aria-hidden />
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activePerson ? optionId(activePerson.id) : undefined}
          aria-describedby={`${id}-count`}
          autoComplete="off"
          data-escape-clears=""
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Find by name or email…"
          className={`${inputClass} pl-8`}
        />
      </div>
      <ul id={listId} role="listbox" aria-multiselectable="true" aria-label="People" className="mt-3 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
        {shown.map((p, i) => {
          const isSelected = selected.includes(p.id);
          return (
            <li
              key={p.id}
              id={optionId(p.id)}
              role="option"
              aria-selected={isSelected}
              // The text box keeps the focus: a click picks without moving it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                toggle(p.id);
              }}
              className={cn("flex cursor-pointer items-center gap-3 px-3 py-2 text-sm", i === activeIndex ? "bg-slate-100" : "hover:bg-slate-50")}
            >
              <span aria-hidden className={cn("flex h-4 w-4 shrink-0 items-center justify-center rounded border", isSelected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400 bg-white")}>
                {isSelected ? <Check className="h-3 w-3" /> : null}
              </span>
              <span className="font-medium text-slate-800">{p.name}</span>
              <span className="truncate text-slate-600">{p.email}</span>
              <Badge tone={p.role === "GUEST" ? "amber" : "slate"} className="ml-auto">{ROLE_LABELS[p.role]}</Badge>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 ? <p className="mt-2 px-3 text-center text-sm text-slate-600">Nobody to add{q.trim() ? ` for “${q.trim()}”` : ""}.</p> : null}
      <p id={`${id}-count`} aria-live="polite" className="mt-2 text-xs text-slate-600">
        {selected.length ? `${selected.length} selected` : "Nobody selected yet"}
      </p>
    </div>
  );
}
