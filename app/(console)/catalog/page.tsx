import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Library } from "lucide-react";
import { requireViewer } from "@/lib/auth/viewer";
import { catalogOverview, listCatalogSection } from "@/lib/catalog/queries";
import { childrenUrl, SECTIONS, sectionKey } from "@/lib/catalog/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ResourceList } from "@/components/catalog/resource-list";
import { ChildrenTable } from "@/components/catalog/children-table";
import { CatalogTree } from "@/components/catalog/catalog-tree";
import { catalogTree } from "@/lib/catalog/tree";
import { seesWholeWorkspace } from "@/lib/policy";

export const metadata: Metadata = { title: "Catalog" };

const CAP = 8;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const section = sectionKey.safeParse(Array.isArray(sp.section) ? sp.section[0] : sp.section);

  if (section.success) {
    const s = SECTIONS[section.data];
    const params = childrenUrl.load(sp);
    const page = await listCatalogSection(viewer, section.data, params);
    return (
      <>
        <Link href="/catalog" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
          <ChevronLeft className="h-4 w-4" aria-hidden /> Catalog
        </Link>
        <PageHeader title={s.title} description={s.description} />
        <Card>
          <ChildrenTable
            rows={page.rows}
            page={{ total: page.total, page: page.page, size: page.size, pageCount: page.pageCount, sort: params.sort, dir: params.dir, q: params.q }}
          />
        </Card>
      </>
    );
  }

  const [sections, tree] = await Promise.all([catalogOverview(viewer, CAP), catalogTree(viewer, null)]);
  return (
    <>
      <PageHeader
        title="Catalog"
        description={seesWholeWorkspace(viewer.role) ? "Everything in the workspace." : "Everything shared with you, from the top level down."}
      />
      {sections.length === 0 ? (
        <Card>
          <EmptyState icon={<Library className="h-8 w-8" />} title="Nothing has been shared with you yet">
            When an admin adds resources to one of your teams, they appear here.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {tree.nodes.length ? (
            <Card>
              <CardHeader
                title="Data sources"
                description={
                  seesWholeWorkspace(viewer.role)
                    ? "Integrations, their databases, schemas and tables. Each count is of everything inside, columns included."
                    : "The schemas and tables shared with you. Each count is of everything inside that you can see."
                }
              />
              <CatalogTree nodes={tree.nodes} label="Data sources" />
            </Card>
          ) : null}
          {sections
            // The tree is the data sources' section (its tops, browsable); the list stays for what the tree omits.
            .filter((s) => !(tree.nodes.length && s.key === "data" && s.items.every((i) => i.type !== "COLUMN")))
            .map((s) => (
            <Card key={s.key}>
              <CardHeader
                title={s.title}
                description={s.description}
                actions={
                  s.total > s.items.length ? (
                    <Link href={`/catalog?section=${s.key}`} className="shrink-0 text-sm font-medium text-brand-700 hover:text-brand-700">
                      Show all {s.total.toLocaleString("en-US")}
                    </Link>
                  ) : null
                }
              />
              <ResourceList items={s.items} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
