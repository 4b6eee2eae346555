"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Pencil, Tag } from "lucide-react";
import { updateResourceDescription, updateResourceTags } from "@/lib/catalog/actions";
import { Markdown } from "@/components/ui/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

const DESCRIPTION_MAX = 10_000;

/** The description, with an inline Markdown editor for Editors and Admins (the action re-checks). */
export function EditableDescription({ resourceId, description }: { resourceId: string; description: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(description);
  const saving = useAction(updateResourceDescription, {
    success: "Description saved",
    fields: ["description"],
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  const { pending } = saving;
  const error = saving.fieldErrors.description ?? saving.error;

  if (!editing) {
    return (
      <div className="group mt-2 flex max-w-3xl items-start gap-3">
        <div className="min-w-0 text-sm text-slate-700">
          {description ? <Markdown source={description} /> : <p className="italic text-slate-400">No description yet.</p>}
        </div>
        <button
          type="button"
          onClick={() => { setDraft(description); saving.clear(); setEditing(true); }}
          className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-500 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 hover:text-slate-900"
        >
          <Pencil className="h-3 w-3" aria-hidden /> Edit description
        </button>
      </div>
    );
  }

  const save = () => void saving.run({ resourceId, description: draft });

  return (
    <div className="mt-3 max-w-3xl">
      <label htmlFor="description-editor" className="sr-only">Description</label>
      <textarea
        id="description-editor"
        value={draft}
        onChange={(e) => { setDraft(e.target.value); saving.clear("description"); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "description-error" : undefined}
        rows={5}
        maxLength={DESCRIPTION_MAX}
        autoFocus
        className="w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      />
      <div className="mt-2 flex items-center gap-2">
        <Button type="button" onClick={save} disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
        <Button type="button" variant="secondary" onClick={() => setEditing(false)} disabled={pending}>Cancel</Button>
        <span className="ml-auto text-xs text-slate-400">Markdown: **bold**, *italic*, `code`, [links](https://…) · {draft.length.toLocaleString("en-US")}/{DESCRIPTION_MAX.toLocaleString("en-US")}</span>
      </div>
      {error ? <p id="description-error" role="alert" className="mt-2 text-sm text-rose-700">{error}</p> : null}
    </div>
  );
}

/** Tags with an inline editor (comma-separated). */
export function EditableTags({ resourceId, tags }: { resourceId: string; tags: string[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(tags.join(", "));
  const saving = useAction(updateResourceTags, {
    success: "Tags saved",
    fields: ["tags"],
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  const { pending } = saving;
  const error = saving.fieldErrors.tags ?? saving.error;

  if (!editing) {
    return (
      <>
        {tags.map((t) => (
          <Badge key={t} tone="blue">{t}</Badge>
        ))}
        <button
          type="button"
          onClick={() => { setDraft(tags.join(", ")); saving.clear(); setEditing(true); }}
          className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-slate-500 ring-1 ring-inset ring-dashed ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
        >
          <Tag className="h-3 w-3" aria-hidden /> {tags.length ? "Edit tags" : "Add tags"}
        </button>
      </>
    );
  }

  const save = () => void saving.run({ resourceId, tags: draft.split(",").map((t) => t.trim()).filter(Boolean) });

  return (
    <span className="flex basis-full flex-wrap items-center gap-2">
      <label htmlFor="tags-editor" className="sr-only">Tags, separated by commas</label>
      <input
        id="tags-editor"
        value={draft}
        onChange={(e) => { setDraft(e.target.value); saving.clear("tags"); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "tags-error" : undefined}
        onKeyDown={(e) => { if (e.key === "Enter") save(); if (e.key === "Escape") setEditing(false); }}
        placeholder="core, pii, finance"
        autoFocus
        className="w-80 rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      />
      <Button type="button" onClick={save} disabled={pending} className="px-2.5 py-1.5">{pending ? "Saving…" : "Save tags"}</Button>
      <Button type="button" variant="secondary" onClick={() => setEditing(false)} disabled={pending} className="px-2.5 py-1.5">Cancel</Button>
      {error ? <span id="tags-error" role="alert" className="text-sm text-rose-700">{error}</span> : null}
    </span>
  );
}
