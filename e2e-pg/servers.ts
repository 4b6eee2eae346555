// The two app servers of playwright.pg.config.ts. A browser keeps cookies per host, not per port, so one context
// signed in on A sends the same session to B: each test sends a person's requests to both in turn.
export const A = process.env.E2E_BASE_A ?? "http://localhost:3100";
export const B = process.env.E2E_BASE_B ?? "http://localhost:3105";
