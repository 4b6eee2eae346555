import type { Exposure } from "./exposure";

// Exposures told in plain words, grouped so that one sentence covers every Guest who sees the same thing the same
// way: "Globex's guests Cara Diaz and Dan Wu would see schema northwind and its 20 items, assigned to Northwind".

export type ExposureNames = {
  team(id: string): string;
  user(id: string): string;
  group(id: string): string;
  /** "schema northwind", and how many resources lie under it (-1: not counted). */
  resource(id: string): { label: string; descendants: number };
  /** The client teams a Guest belongs to (for "Northwind's guest Ana Souza"). */
  clientTeamsOf(userId: string): string[];
};

/** One sentence, with the exposures it covers (their keys) and what it is about, for links. */
export type ExposureLine = {
  text: string;
  kind: Exposure["kind"];
  keys: string[];
  sharing: boolean;
  /** What to open to fix it. */
  subject: { type: "resource"; id: string } | { type: "user"; id: string } | { type: "group"; id: string } | { type: "team"; id: string };
  /** The teams involved, for the per-team report. */
  teamIds: string[];
};

export function listNames(names: string[], max = 5): string {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  if (sorted.length > max) return `${sorted.slice(0, max).join(", ")} and ${(sorted.length - max).toLocaleString("en-US")} more`;
  if (sorted.length <= 1) return sorted.join("");
  return `${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)}`;
}

function possessive(names: string[]): string {
  if (!names.length) return "";
  return `${listNames(names)}'s `;
}

function thing(n: ExposureNames, resourceId: string): string {
  const r = n.resource(resourceId);
  if (r.descendants < 0) return `${r.label} and everything under it`;
  if (!r.descendants) return r.label;
  return `${r.label} and its ${r.descendants.toLocaleString("en-US")} ${r.descendants === 1 ? "item" : "items"}`;
}

function people(n: ExposureNames, ids: string[], word = "guest"): string {
  return `${ids.length === 1 ? word : `${word}s`} ${listNames(ids.map((id) => n.user(id)))}`;
}

/** tense "would": a preview of a change; "can": the report of what is. */
export function describeExposures(exposures: Exposure[], n: ExposureNames, tense: "would" | "can" = "would"): ExposureLine[] {
  const see = tense === "would" ? "would see" : "can see";
  const be = tense === "would" ? "would be" : "is";
  const hold = tense === "would" ? "would hold" : "holds";
  const beShared = tense === "would" ? "would be visible to" : "is visible to";
  const groups = new Map<string, { lead: Exposure; items: Exposure[] }>();
  const groupKey = (e: Exposure): string => {
    switch (e.kind) {
      case "guest-resource":
        return `gr|${e.ownerTeamId}|${e.resourceId}|${e.viaTeamIds.join(",")}`;
      case "guest-person":
        return `gp|${e.personId}|${e.viaTeamIds.join(",")}`;
      default:
        return e.key;
    }
  };
  for (const e of exposures) {
    const k = groupKey(e);
    const g = groups.get(k) ?? { lead: e, items: [] };
    g.items.push(e);
    groups.set(k, g);
  }
  const lines: ExposureLine[] = [];
  for (const { lead: e, items } of groups.values()) {
    const keys = items.map((x) => x.key);
    switch (e.kind) {
      case "guest-resource": {
        const guests = items.map((x) => (x as typeof e).guestId);
        const via = e.viaTeamIds.map((t) => n.team(t));
        lines.push({
          kind: e.kind,
          keys,
          sharing: e.sharing,
          text: `${possessive(via)}${people(n, guests)} ${see} ${thing(n, e.resourceId)}, assigned to ${n.team(e.ownerTeamId)}.`,
          subject: { type: "resource", id: e.resourceId },
          teamIds: [e.ownerTeamId, ...e.viaTeamIds],
        });
        break;
      }
      case "guest-person": {
        const guests = items.map((x) => (x as typeof e).guestId);
        const theirs = n.clientTeamsOf(e.personId);
        lines.push({
          kind: e.kind,
          keys,
          sharing: false,
          text: `${people(n, guests)} ${see} ${possessive(theirs)}guest ${n.user(e.personId)}, through ${listNames(e.viaTeamIds.map((t) => n.team(t)))}.`,
          subject: { type: "user", id: e.personId },
          teamIds: e.viaTeamIds,
        });
        break;
      }
      case "guest-two-teams":
        lines.push({
          kind: e.kind,
          keys,
          sharing: false,
          text: `Guest ${n.user(e.guestId)} ${be} in two client teams, ${listNames(e.teamIds.map((t) => n.team(t)))}, and sees both.`,
          subject: { type: "user", id: e.guestId },
          teamIds: e.teamIds,
        });
        break;
      case "group-two-clients":
        lines.push({
          kind: e.kind,
          keys,
          sharing: false,
          text: `Group ${n.group(e.groupId)} ${hold} guests of two client teams, ${listNames(e.teamIds.map((t) => n.team(t)))}.`,
          subject: { type: "group", id: e.groupId },
          teamIds: e.teamIds,
        });
        break;
      case "shared-resource":
        lines.push({
          kind: e.kind,
          keys,
          sharing: true,
          text: `${capitalize(thing(n, e.resourceId))} ${beShared} two client teams, ${listNames(e.teamIds.map((t) => n.team(t)))}.`,
          subject: { type: "resource", id: e.resourceId },
          teamIds: e.teamIds,
        });
        break;
    }
  }
  const order: Exposure["kind"][] = ["guest-resource", "guest-person", "guest-two-teams", "group-two-clients", "shared-resource"];
  return lines.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.text.localeCompare(b.text));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
