import { scimRoute } from "@/lib/scim/endpoint";

// SCIM 2.0 for identity providers (Entra ID, Okta): authenticated by a connection's bearer token, not a session.
export const GET = scimRoute();
export const POST = scimRoute();
export const PUT = scimRoute();
export const PATCH = scimRoute();
export const DELETE = scimRoute();
