import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { ResourceReferenceDto } from "@/lib/catalog/types";

/** "References" / "Referenced by": a table's foreign keys both ways, only to tables the viewer can see. */
export function ReferencesCard({ refs }: { refs: { out: ResourceReferenceDto[]; in: ResourceReferenceDto[] } }) {
  if (!refs.out.length && !refs.in.length) return null;
  const list = (title: string, rows: ResourceReferenceDto[]) =>
    rows.length ? (
      <section aria-label={title} className="px-5 py-3">
        <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
        <ul className="space-y-1.5 text-sm">
          {rows.map((r) => (
            <li key={`${r.tableId}:${r.constraint}`} className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/resources/${r.tableId}`} className="font-medium text-brand-700 hover:underline">{r.table}</Link>
              <code className="text-xs text-slate-600">
                {/* Always the referencing columns first: the key reads the same from both of its tables. */}
                {`(${r.columns}) → (${r.refColumns})`}
              </code>
              <span className="text-xs text-slate-400">{r.constraint}</span>
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <Card>
      <CardHeader title="Keys" description="Foreign keys, as the database reports them" />
      <div className="divide-y divide-slate-100" data-testid="resource-references">
        {list("References", refs.out)}
        {list("Referenced by", refs.in)}
      </div>
    </Card>
  );
}
