import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";

export const resourceId = z.string().uuid();

export const CHILD_SORTS = ["name", "type", "updatedAt"] as const;

/** URL state of a children table: page, page size, sort (whitelisted) and a text filter. */
export const childrenParams = tableParams(CHILD_SORTS, { sort: "name" });

export type ChildrenParams = z.infer<typeof childrenParams>;

export const childrenUrl = tableUrl(childrenParams);

export const DESCRIPTION_MAX = 10_000;
export const TAG_MAX = 40;
export const TAGS_MAX = 20;

export const updateDescriptionInput = z.object({
  resourceId,
  description: z.string().max(DESCRIPTION_MAX, `A description is at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters.`),
});

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty.")
  .max(TAG_MAX, `A tag is at most ${TAG_MAX} characters.`)
  .regex(/^[a-z0-9][a-z0-9 _.:&-]*$/, "Tags use letters, digits, spaces and - _ . : &");

export const updateTagsInput = z.object({
  resourceId,
  tags: z.array(tag).max(TAGS_MAX, `At most ${TAGS_MAX} tags.`),
});

export const SECTIONS = {
  data: { title: "Data sources", description: "Integrations, databases, schemas and tables.", types: ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE", "VIEW", "COLUMN"] },
  dashboards: { title: "Dashboards", description: "Published dashboards and their charts.", types: ["DASHBOARD", "CHART"] },
  documents: { title: "Documents", description: "Guides, notes and agreements.", types: ["DOCUMENT"] },
  glossary: { title: "Glossary", description: "Shared definitions of business terms and metrics.", types: ["TERM", "METRIC"] },
} as const;
export type SectionKey = keyof typeof SECTIONS;
export const sectionKey = z.enum(Object.keys(SECTIONS) as [SectionKey, ...SectionKey[]]);

/** The catalog tree asks for one node's children at a time. */
export const treeChildrenInput = z.object({ nodeId: z.string().uuid("Pick a node of the tree.") }).strict();
