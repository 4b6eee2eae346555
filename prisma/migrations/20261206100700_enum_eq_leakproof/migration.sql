-- Under row-level security PostgreSQL cannot use a condition whose operator is not LEAKPROOF as an index condition
-- (20261202040000). An enum's `=` (enum_eq) is not marked so, and every `type = 'TABLE'` (the catalog's sections,
-- the resources table's type filter, the integrations lists) was tested row by row after the policies: the
-- integrations list of Settings → Resources read all 1,000,000 resources (17 s cold) for its five rows. enum_eq
-- compares two enum values' positions: it raises no error and reveals nothing about a row it rejects. As before,
-- only a superuser may mark it; a managed service's owner gets a notice (everything stays correct; the queries
-- that matter most also reach their rows through another indexed condition).
DO $$ BEGIN
  ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'enum_eq could not be marked LEAKPROOF (needs a superuser): enum conditions will not use their indexes under RLS';
END $$;
