import { BookOpen, ChartColumn, Columns3, Database, Eye, FileText, FolderTree, LayoutDashboard, Plug, Sigma, Table2 } from "lucide-react";
import type { ResourceType } from "@/lib/catalog/types";
import { cn } from "@/components/ui/cn";

const icons: Record<ResourceType, { Icon: typeof Database; color: string }> = {
  INTEGRATION: { Icon: Plug, color: "text-violet-600 bg-violet-50" },
  DATABASE: { Icon: Database, color: "text-sky-700 bg-sky-50" },
  SCHEMA: { Icon: FolderTree, color: "text-sky-700 bg-sky-50" },
  TABLE: { Icon: Table2, color: "text-emerald-700 bg-emerald-50" },
  VIEW: { Icon: Eye, color: "text-emerald-700 bg-emerald-50" },
  COLUMN: { Icon: Columns3, color: "text-slate-600 bg-slate-100" },
  DASHBOARD: { Icon: LayoutDashboard, color: "text-amber-700 bg-amber-50" },
  CHART: { Icon: ChartColumn, color: "text-amber-700 bg-amber-50" },
  DOCUMENT: { Icon: FileText, color: "text-rose-700 bg-rose-50" },
  METRIC: { Icon: Sigma, color: "text-indigo-700 bg-indigo-50" },
  TERM: { Icon: BookOpen, color: "text-indigo-700 bg-indigo-50" },
};

export function TypeIcon({ type, size = "md" }: { type: ResourceType; size?: "sm" | "md" }) {
  const { Icon, color } = icons[type];
  return (
    <span className={cn("inline-flex shrink-0 items-center justify-center rounded-md", color, size === "sm" ? "h-6 w-6" : "h-8 w-8")}>
      <Icon className={size === "sm" ? "h-3.5 w-3.5" : "h-4 w-4"} aria-hidden />
    </span>
  );
}
