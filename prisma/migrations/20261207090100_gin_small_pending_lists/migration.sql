-- GIN indexes take inserts into an unsorted "pending list" first (fastupdate), and every lookup reads all of it
-- until a vacuum or the list's limit (4 MB by default) merges it into the index. After a sync the path index held
-- 22,738 pending entries on 393 pages: each `path @> ARRAY[id]` then read ~380 pages to find one row (5 ms where
-- 0.05 ms would do), a guest's scope through the path index took 7.8 ms instead of well under one, and the search
-- and trigram indexes carried as much (bench/README.md, session 7). Every read of the console goes through these
-- indexes, most of them as the row-level security policy's own condition; a sync writes in bulk in the background.
-- A 64 kB list keeps inserts batched and bounds what a lookup reads to 8 pages.
ALTER INDEX "Resource_path_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Resource_visibility_keys_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Resource_search_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Resource_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "TeamResource_path_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "User_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "User_email_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Membership_sortName_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Membership_sortEmail_trgm_idx" SET (gin_pending_list_limit = 64);

-- And what is pending now goes into the indexes.
SELECT gin_clean_pending_list(i) FROM unnest(ARRAY[
  '"Resource_path_idx"', '"Resource_visibility_keys_idx"', '"Resource_search_idx"', '"Resource_name_trgm_idx"',
  '"TeamResource_path_idx"', '"User_name_trgm_idx"', '"User_email_trgm_idx"', '"Membership_sortName_trgm_idx"',
  '"Membership_sortEmail_trgm_idx"']::regclass[]) AS i;
