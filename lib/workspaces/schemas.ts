import { z } from "zod";

export const switchWorkspaceInput = z.object({ workspaceId: z.string().uuid("Not a valid workspace id.") });
