import type { Role } from "./types";

export type GuardrailTeam = { name: string; isDefault: boolean; visibility: "PUBLIC" | "PRIVATE" };
export type GuardrailPerson = { name: string; role: Role | string };

/**
 * What adding people to a team (directly or through a group) would expose, named for the admin:
 * - a Guest added to General sees everything shared with General, like an employee;
 * - a non-Guest added to a private client team is also always in General, so the team's clients now share a
 *   team with someone who sees everything in General.
 * Empty when nothing needs a confirmation.
 */
export function additionWarnings(team: GuardrailTeam, people: GuardrailPerson[]): string[] {
  const warnings: string[] = [];
  const guests = people.filter((p) => p.role === "GUEST");
  const internal = people.filter((p) => p.role !== "GUEST");
  if (team.isDefault && guests.length) {
    warnings.push(
      `${listNames(guests)} ${guests.length === 1 ? "is a Guest" : "are Guests"}: in ${team.name} they will see every resource and every person shared with ${team.name}, like an employee.`,
    );
  }
  if (!team.isDefault && team.visibility === "PRIVATE" && internal.length) {
    warnings.push(
      `${listNames(internal)} ${internal.length === 1 ? "is not a Guest and also sees" : "are not Guests and also see"} everything in General: the members of ${team.name} will see ${internal.length === 1 ? "this person" : "these people"} as a team-mate.`,
    );
  }
  return warnings;
}

function listNames(people: GuardrailPerson[]): string {
  const names = people.map((p) => p.name).sort((a, b) => a.localeCompare(b));
  if (names.length <= 3) return names.join(", ").replace(/, ([^,]*)$/, " and $1");
  return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}
