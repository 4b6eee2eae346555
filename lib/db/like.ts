// Prisma hands `contains`, `startsWith` and case-insensitive `equals` to PostgreSQL's (I)LIKE as they are, so a
// "%" or "_" typed by a person would act as a wildcard ("%" lists everything in scope, a team named "%" clashes
// with every name). Every text filter goes through these helpers, which escape them with LIKE's default escape
// character, the backslash.

/** s with \ % and _ escaped, to match literally inside a LIKE pattern (the default ESCAPE '\'). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A raw-SQL pattern: s anywhere in the value. */
export function likeContains(s: string): string {
  return `%${likeEscape(s)}%`;
}

/** Prisma filters that match s literally, ignoring case. */
export const textContains = (s: string) => ({ contains: likeEscape(s), mode: "insensitive" as const });
export const textStartsWith = (s: string) => ({ startsWith: likeEscape(s), mode: "insensitive" as const });
export const textEquals = (s: string) => ({ equals: likeEscape(s), mode: "insensitive" as const });
