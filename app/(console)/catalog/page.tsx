import type { Metadata } from "next";
import { Library } from "lucide-react";
import { requireViewer } from "@/lib/auth/viewer";
import { listCatalogTops } from "@/lib/catalog/queries";
import type { ResourceSummary } from "@/lib/catalog/types";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ResourceList } from "@/components/catalog/resource-list";

export const metadata: Metadata = { title: "Catalog" };

const SECTIONS: { title: string; description: string; match: (r: ResourceSummary) => boolean }[] = [
  { title: "Data sources", description: "Integrations, databases, schemas and tables.", match: (r) => ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE", "VIEW", "COLUMN"].includes(r.type) },
  { title: "Dashboards", description: "Published dashboards and their charts.", match: (r) => r.type === "DASHBOARD" || r.type === "CHART" },
  { title: "Documents", description: "Guides, notes and agreements.", match: (r) => r.type === "DOCUMENT" },
  { title: "Glossary", description: "Shared definitions of business terms and metrics.", match: (r) => r.type === "TERM" || r.type === "METRIC" },
];

export default async function CatalogPage() {
  const viewer = await requireViewer();
  const tops = await listCatalogTops(viewer);
  const sections = SECTIONS.map((s) => ({ ...s, items: tops.filter(s.match) })).filter((s) => s.items.length);
  return (
    <>
      <PageHeader
        title="Catalog"
        description={viewer.role === "ADMIN" ? "Everything in the workspace." : "Everything shared with you, from the top level down."}
      />
      {sections.length === 0 ? (
        <Card>
          <EmptyState icon={<Library className="h-8 w-8" />} title="Nothing has been shared with you yet">
            When an admin adds resources to one of your teams, they appear here.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {sections.map((s) => (
            <Card key={s.title}>
              <CardHeader title={s.title} description={s.description} />
              <ResourceList items={s.items} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
