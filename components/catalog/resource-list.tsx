import Link from "next/link";
import { ChevronRight } from "lucide-react";
import type { ResourceSummary } from "@/lib/catalog/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { TypeIcon } from "./type-icon";
import { Badge } from "@/components/ui/badge";

export function ResourceList({ items }: { items: ResourceSummary[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((r) => (
        <li key={r.id}>
          <Link href={`/resources/${r.id}`} className="group flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
            <TypeIcon type={r.type} />
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2">
                <span className="truncate text-sm font-medium text-slate-900 group-hover:text-brand-700">{r.name}</span>
                <span className="text-xs text-slate-400">{TYPE_LABELS[r.type]}</span>
                {r.tags.slice(0, 3).map((t) => (
                  <Badge key={t}>{t}</Badge>
                ))}
              </div>
              {r.description ? <p className="truncate text-sm text-slate-500">{stripMarkdown(r.description)}</p> : null}
            </div>
            {r.childCount ? <span className="text-xs tabular-nums text-slate-500">{r.childCount} inside</span> : null}
            <ChevronRight className="h-4 w-4 text-slate-300 group-hover:text-slate-500" aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function stripMarkdown(s: string): string {
  return s.replace(/[*_`#>]/g, "").replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}
