-- The catalog home of an admin lists the roots of the catalog (no parent, not removed) per section, ordered by
-- type and name. Without this index PostgreSQL walks Resource_workspaceId_type_name_idx through every database,
-- schema, table and column looking for parentless rows: 4 s at 1,000,000 resources (bench/README.md). Partial:
-- only the roots are in it, a few thousand rows at most.
CREATE INDEX "Resource_tops_idx" ON "Resource"("workspaceId", "type", "name", "id") WHERE "parentId" IS NULL AND "removedAt" IS NULL;
