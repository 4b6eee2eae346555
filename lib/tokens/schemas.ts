import { z } from "zod";

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const name = z.string({ error: "A name is required." }).trim().min(1, "A name is required.").max(80, "A token name is at most 80 characters.");
const expiresInDays = z
  .number({ error: "expiresInDays is a whole number of days from 1 to 365." })
  .int("expiresInDays is a whole number of days from 1 to 365.")
  .min(1, "expiresInDays is a whole number of days from 1 to 365.")
  .max(365, "expiresInDays is a whole number of days from 1 to 365.");

/** POST /api/v1/tokens and the "Your account" form: a personal token. */
export const createTokenInput = z.object({ name, expiresInDays, scope: z.enum(TOKEN_SCOPES, { error: 'scope is "read" or "write".' }) });
/** A team token is read-only: it sees what a Guest of the team sees. */
export const createTeamTokenInput = z.object({ teamId: z.string().uuid("Not a valid id."), name, expiresInDays });
export const tokenIdInput = z.object({ tokenId: z.string().uuid("Not a valid id.") });

/** `enc_` and 43 base64url characters (32 random bytes). */
export const TOKEN_PATTERN = /^enc_[A-Za-z0-9_-]{43}$/;
