"use server";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized";
import { withViewer } from "@/lib/db/scoped";
import { RECENT_MAX, recordSearchInput } from "./schemas";

// Recent searches are the viewer's own typing, private to it (RLS: its own rows only). They are not audited:
// they change nothing anyone else sees.

/** Remembers a search of the viewer's (moved to the top if already there), keeping the last RECENT_MAX. */
export const recordSearch = authorizedAction({ input: recordSearchInput }, async ({ viewer, input }) => {
  return withViewer(viewer, async (tx) => {
    const key = { workspaceId: viewer.workspaceId, userId: viewer.userId };
    await tx.recentSearch.upsert({
      where: { workspaceId_userId_q: { ...key, q: input.q } },
      create: { ...key, q: input.q },
      update: { createdAt: new Date() },
    });
    const keep = await tx.recentSearch.findMany({ where: key, select: { id: true }, orderBy: { createdAt: "desc" }, take: RECENT_MAX });
    await tx.recentSearch.deleteMany({ where: { ...key, id: { notIn: keep.map((k) => k.id) } } });
    return { recorded: input.q };
  });
});

/** Forgets all of the viewer's recent searches. */
export const clearRecentSearches = authorizedAction({ input: z.object({}).strict() }, async ({ viewer }) => {
  return withViewer(viewer, async (tx) => {
    const { count } = await tx.recentSearch.deleteMany({ where: { workspaceId: viewer.workspaceId, userId: viewer.userId } });
    return { cleared: count };
  });
});
