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

type Words = { text: string; sharing: boolean; subject: ExposureLine["subject"]; teamIds: string[] };

const VERBS = {
  would: { see: "would see", be: "would be", hold: "would hold", shared: "would be visible to" },
  can: { see: "can see", be: "is", hold: "holds", shared: "is visible to" },
};

/** The one sentence of a group of exposures alike but for their Guests (`items`, led by `e`), and its subject. */
function words(e: Exposure, items: Exposure[], n: ExposureNames, v: (typeof VERBS)["would"]): Words {
  const teams = (ids: string[]) => listNames(ids.map((t) => n.team(t)));
  const guests = () => items.map((x) => ("guestId" in x ? x.guestId : ""));
  switch (e.kind) {
    case "guest-resource":
      return {
        text: `${possessive(e.viaTeamIds.map((t) => n.team(t)))}${people(n, guests())} ${v.see} ${thing(n, e.resourceId)}, assigned to ${n.team(e.ownerTeamId)}.`,
        sharing: e.sharing,
        subject: { type: "resource", id: e.resourceId },
        teamIds: [e.ownerTeamId, ...e.viaTeamIds],
      };
    case "guest-person":
      return {
        text: `${people(n, guests())} ${v.see} ${possessive(n.clientTeamsOf(e.personId))}guest ${n.user(e.personId)}, through ${teams(e.viaTeamIds)}.`,
        sharing: false,
        subject: { type: "user", id: e.personId },
        teamIds: e.viaTeamIds,
      };
    case "guest-two-teams":
      return { text: `Guest ${n.user(e.guestId)} ${v.be} in two client teams, ${teams(e.teamIds)}, and sees both.`, sharing: false, subject: { type: "user", id: e.guestId }, teamIds: e.teamIds };
    case "group-two-clients":
      return { text: `Group ${n.group(e.groupId)} ${v.hold} guests of two client teams, ${teams(e.teamIds)}.`, sharing: false, subject: { type: "group", id: e.groupId }, teamIds: e.teamIds };
    case "shared-resource":
      return { text: `${capitalize(thing(n, e.resourceId))} ${v.shared} two client teams, ${teams(e.teamIds)}.`, sharing: true, subject: { type: "resource", id: e.resourceId }, teamIds: e.teamIds };
  }
}

/** Exposures alike but for their Guest share one sentence. */
function groupKey(e: Exposure): string {
  switch (e.kind) {
    case "guest-resource":
      return `gr|${e.ownerTeamId}|${e.resourceId}|${e.viaTeamIds.join(",")}`;
    case "guest-person":
      return `gp|${e.personId}|${e.viaTeamIds.join(",")}`;
    default:
      return e.key;
  }
}

const ORDER: Exposure["kind"][] = ["guest-resource", "guest-person", "guest-two-teams", "group-two-clients", "shared-resource"];

/** tense "would": a preview of a change; "can": the report of what is. */
export function describeExposures(exposures: Exposure[], n: ExposureNames, tense: "would" | "can" = "would"): ExposureLine[] {
  const groups = new Map<string, Exposure[]>();
  for (const e of exposures) {
    const k = groupKey(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const lines = [...groups.values()].map((items): ExposureLine => ({ kind: items[0]!.kind, keys: items.map((x) => x.key), ...words(items[0]!, items, n, VERBS[tense]) }));
  return lines.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.text.localeCompare(b.text));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
