"use server";
import { authorizedAction, NotFoundError } from "@/lib/actions/authorized";
import { clearViewAsCookie, setSessionWorkspace } from "@/lib/auth/viewer";
import { isActiveMemberOf } from "./queries";
import { switchWorkspaceInput } from "./schemas";

/**
 * The workspace switcher: the session names the chosen workspace from now on. Only one where the person's
 * membership is active (anything else is "not found", naming nothing); and the choice stays a preference that
 * lib/auth/resolve-viewer.ts re-checks at every request, so a later deactivation there still counts at once.
 */
export const switchWorkspace = authorizedAction({ input: switchWorkspaceInput }, async ({ viewer, input }) => {
  if (input.workspaceId !== viewer.workspaceId) {
    if (!(await isActiveMemberOf(viewer.userId, input.workspaceId))) throw new NotFoundError();
    await setSessionWorkspace(input.workspaceId);
    await clearViewAsCookie();
  }
  return { workspaceId: input.workspaceId };
});
