"use client";
import { Tabs as T } from "radix-ui";

/** Tabs: arrow keys move between them, the panel is labelled by its tab. */
export function Tabs({ tabs, defaultValue, label }: { tabs: { value: string; label: React.ReactNode; content: React.ReactNode }[]; defaultValue?: string; label: string }) {
  return (
    <T.Root defaultValue={defaultValue ?? tabs[0]?.value}>
      <T.List aria-label={label} className="relative mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((t) => (
          <T.Trigger key={t.value} value={t.value}
            className="-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700">
            {t.label}
          </T.Trigger>
        ))}
      </T.List>
      {tabs.map((t) => (
        <T.Content key={t.value} value={t.value} className="focus:outline-none">{t.content}</T.Content>
      ))}
    </T.Root>
  );
}
