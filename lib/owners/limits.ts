// The owner panel's limits, apart from the zod schemas that enforce them: the picker (a client component on every
// resource page) needs the numbers, and importing them from ./schemas shipped and evaluated all of zod in the browser.

/** How many owners a resource may have (a page panel, not a directory). */
export const OWNERS_MAX = 20;

/** How many people and groups one type-ahead answer holds at most: the picker asks again as the person types. */
export const OWNER_CANDIDATES_MAX = 20;

/** How long a type-ahead text may be (longer than any name or address a person types into a picker). */
export const OWNER_QUERY_MAX = 100;
