import "server-only";
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { can, type Permission } from "@/lib/policy";
import { getViewer, requireViewer, type Viewer } from "./viewer";

// The preamble every settings page shares: the viewer, the right the page needs, its URL parsed, and a plain 404
// (with the 404's own title) for anyone without the right or for an id that names nothing they may see. A page's
// title is the same query as its body: both go through React's cache, so a request reads it once.

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type IdParams = Promise<{ id: string }>;

const NOT_FOUND_TITLE = "Page not found";
const id = z.string().uuid();

/** The viewer, if signed in and holding the permission; null otherwise (titles must not throw). */
const allowed = cache(async (permission: Permission): Promise<Viewer | null> => {
  const viewer = await getViewer();
  return viewer && can(viewer.role, permission) ? viewer : null;
});

/** A settings page without an id: its title, and its viewer (a plain 404 without the permission). */
export function settingsPage(permission: Permission, title: string) {
  const viewer = async (): Promise<Viewer> => {
    const v = await requireViewer();
    if (!can(v.role, permission)) notFound();
    return v;
  };
  return {
    async metadata(): Promise<Metadata> {
      return { title: (await allowed(permission)) ? title : NOT_FOUND_TITLE };
    },
    viewer,
    /** The viewer and the page's URL parameters, parsed by the table's own schema. */
    async withParams<P>(searchParams: SearchParams, parse: (sp: Record<string, string | string[] | undefined>) => P): Promise<{ viewer: Viewer; params: P }> {
      return { viewer: await viewer(), params: parse(await searchParams) };
    },
  };
}

/**
 * A settings page of one entity (/settings/x/[id]): the id must be a uuid and load(viewer, id) must find it in the
 * viewer's scope, else a plain 404. The title and the page share one load per request.
 */
export function settingsEntityPage<T>(permission: Permission, load: (viewer: Viewer, id: string) => Promise<T | null>, title: (entity: T) => string) {
  const find = cache(async (raw: string): Promise<{ viewer: Viewer; entity: T } | null> => {
    const viewer = await allowed(permission);
    const parsed = id.safeParse(raw);
    if (!viewer || !parsed.success) return null;
    const entity = await load(viewer, parsed.data);
    return entity ? { viewer, entity } : null;
  });
  return {
    async metadata({ params }: { params: IdParams }): Promise<Metadata> {
      const found = await find((await params).id);
      return { title: found ? title(found.entity) : NOT_FOUND_TITLE };
    },
    async load({ params }: { params: IdParams }): Promise<{ viewer: Viewer; entity: T }> {
      await requireViewer();
      const found = await find((await params).id);
      if (!found) notFound();
      return found;
    },
  };
}
