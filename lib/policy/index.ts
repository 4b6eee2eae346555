// The access policy (README, "Architecture") as pure functions: the single definition the access layer, the row-level
// security and the tests are all checked against.
export * from "./types";
export * from "./roles";
export * from "./visibility";
export * from "./writes";
export * from "./guardrails";
export * from "./explain";
export * from "./exposure";
export * from "./exposure-words";
export * from "./lineage";
