import type { ResourceType } from "@/lib/generated/prisma/enums";
export type { ResourceType };
import type { OwnerDto } from "@/lib/owners/types";

export type ResourceSummary = {
  id: string;
  type: ResourceType;
  name: string;
  description: string;
  tags: string[];
  childCount: number;
  removed: boolean;
  /** For columns: the database type, whether it accepts NULL, and whether it is (part of) the primary key. */
  dataType?: string;
  nullable?: boolean;
  primaryKey?: boolean;
};

export type Crumb = { id: string; type: ResourceType; name: string };

export type ResourceTeam = {
  teamId: string;
  teamName: string;
  teamSlug: string;
  visibility: "PUBLIC" | "PRIVATE";
  /** How the resource came to belong to the team: assigned itself, or through an ancestor. */
  source:
    | { kind: "direct"; by: "MANUAL" | "AUTOMATION"; automation?: string | null }
    | { kind: "inherited"; from: Crumb; by: "MANUAL" | "AUTOMATION"; automation?: string | null };
};

export type ResourceDetail = ResourceSummary & {
  meta: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** Only the ancestors the viewer can see, root first; hidden ones are left out, not named. */
  breadcrumb: Crumb[];
  hiddenAncestors: boolean;
  teams: ResourceTeam[];
  canEdit: boolean;
  /** Owners the viewer may see (people in its user scope, groups in its group scope). */
  owners: OwnerDto[];
  /** When the resource's integration last synced successfully (null outside an integration, or never). */
  lastSyncedAt: string | null;
  /** Foreign keys: tables this one references, and tables referencing it; only visible tables on the far side. */
  references: { out: ResourceReferenceDto[]; in: ResourceReferenceDto[] };
};

/** One foreign key seen from one end: the other table (qualified by its schema when visible) and the columns. */
export type ResourceReferenceDto = { tableId: string; table: string; constraint: string; columns: string; refColumns: string };

export const TYPE_LABELS: Record<ResourceType, string> = {
  INTEGRATION: "Integration",
  DATABASE: "Database",
  SCHEMA: "Schema",
  TABLE: "Table",
  VIEW: "View",
  COLUMN: "Column",
  DASHBOARD: "Dashboard",
  CHART: "Chart",
  DOCUMENT: "Document",
  METRIC: "Metric",
  TERM: "Glossary term",
};
