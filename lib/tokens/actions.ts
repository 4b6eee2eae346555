"use server";
import { authorizedAction } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { createTeamTokenInput, createTokenInput, tokenIdInput } from "./schemas";
import { createPersonalToken, createTeamToken, revokeToken } from "./service";

const PATHS = ["/account", "/settings/tokens"];

/** Your account → API tokens: a token acting as you; the secret is in the answer, once. */
export const createMyToken = authorizedAction({ input: createTokenInput }, async ({ viewer, input }) => {
  const out = await createPersonalToken(viewer, input);
  refresh(...PATHS);
  return out;
});

/** A client team's read-only token, from the team page (admins). */
export const createTeamApiToken = authorizedAction({ input: createTeamTokenInput, permission: "tokens.manage" }, async ({ viewer, input }) => {
  const out = await createTeamToken(viewer, input);
  refresh(...PATHS, "/teams");
  return out;
});

/** Revokes one's own token, or (admins) any token of the workspace: the next call with it is a 401. */
export const revokeApiToken = authorizedAction({ input: tokenIdInput }, async ({ viewer, input }) => {
  const out = await revokeToken(viewer, input.tokenId);
  refresh(...PATHS, "/teams");
  return out;
});
