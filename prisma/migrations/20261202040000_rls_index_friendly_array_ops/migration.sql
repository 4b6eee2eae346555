-- Row-level security and the path index (bench/README.md, "RLS on/off").
-- Under RLS, PostgreSQL evaluates the policies before any condition of the query whose operator is not
-- LEAKPROOF, and so cannot use such a condition as an index condition. The scoped reads all say
-- `path && <the viewer's roots>` (Prisma's hasSome) or `path @> ARRAY[id]` (has): with the array operators not
-- leakproof, a guest's search or catalog on 1,000,000 resources scanned every row (860 ms) instead of the GIN index
-- on path (20 ms). Both operators only compare array elements: they raise no error and reveal nothing about a row
-- they reject, which is what LEAKPROOF promises. The policies themselves are unchanged.
-- Marking a function LEAKPROOF needs a superuser: a plain owner gets a notice here (everything stays correct, only
-- slower) and can have a superuser run these two statements once.
DO $$ BEGIN
  ALTER FUNCTION arrayoverlap(anyarray, anyarray) LEAKPROOF;
  ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'arrayoverlap/arraycontains could not be marked LEAKPROOF (needs a superuser): scoped reads will not use the path index under RLS';
END $$;
