import { ResourceType } from "@/lib/generated/prisma/enums";

export type SearchResourceType = ResourceType;
export const RESOURCE_TYPES = Object.values(ResourceType) as SearchResourceType[];

/** [start, end) character ranges of a text to highlight. */
export type Range = [number, number];

export type ResourceHit = { kind: "resource"; id: string; type: SearchResourceType; name: string; description: string; /** The parent's name, when the viewer can see the parent. */ parent: string | null };
export type PersonHit = { kind: "person"; id: string; name: string; email: string };
export type TeamHit = { kind: "team"; id: string; slug: string; name: string; description: string };
export type SearchHit = ResourceHit | PersonHit | TeamHit;

export type FacetValue = { key: string; label: string; count: number };
export type SearchFacets = {
  type: FacetValue[];
  integration: FacetValue[];
  team: FacetValue[];
  owner: FacetValue[];
  /** Set when more resources matched than the facets count: the counts are of the first `top` results only. */
  top?: number;
};

export type SearchResult = {
  q: string;
  /** People and teams first (a few each, page 1 only), then the page of resources. */
  hits: SearchHit[];
  resources: ResourceHit[];
  people: PersonHit[];
  teams: TeamHit[];
  /** Scoped count of the resources matching q and the filters, stopped at a cap (then totalCapped: "10,000+"). */
  total: number;
  totalCapped: boolean;
  page: number;
  size: number;
  pageCount: number;
};
