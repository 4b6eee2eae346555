export type OwnerDto = { kind: "user"; id: string; name: string; email: string } | { kind: "group"; id: string; name: string };
export type OwnerOption = { kind: "user" | "group"; id: string; label: string };
/** One answer of the owner picker's type-ahead: a person (detail: the e-mail) or a group (detail: "Group"). */
export type OwnerCandidate = { kind: "user" | "group"; id: string; name: string; detail: string };
