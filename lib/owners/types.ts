export type OwnerDto = { kind: "user"; id: string; name: string; email: string } | { kind: "group"; id: string; name: string };
export type OwnerOption = { kind: "user" | "group"; id: string; label: string };
