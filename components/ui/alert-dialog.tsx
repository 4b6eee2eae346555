"use client";
import { AlertDialog as A } from "radix-ui";
import { buttonClass } from "./button";
import { ErrorNote } from "./notes";
import { useReturnFocus } from "./return-focus";
import { useAction, type ActionResult } from "./use-action";

/**
 * Asks before something that cannot be taken back in one click (deactivating, undoing a run), then runs it and
 * shows a refusal in place. Focus starts on Cancel; Escape cancels; focus returns to what opened it.
 */
export function ConfirmDialog({ open = true, title, body, confirmLabel, danger = false, run, success, onClose, onDone }: {
  open?: boolean;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  /** A toast once it went through. */
  success?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const act = useAction(() => run(), { success, onSuccess: () => onDone() });
  const { error, pending } = act;
  const returnFocus = useReturnFocus(open);
  return (
    <A.Root open={open} onOpenChange={(o) => !o && !pending && onClose()}>
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-50 bg-slate-900/40 dark:bg-black/60" />
        <div className="pointer-events-none fixed inset-0 z-50 flex items-start justify-center overflow-y-auto px-3 py-16 sm:px-4">
          <A.Content onCloseAutoFocus={returnFocus} className="pointer-events-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 shadow-xl">
            <A.Title className="text-base font-semibold text-slate-900">{title}</A.Title>
            <A.Description asChild>
              <div className="mt-2 space-y-2 text-sm text-slate-600">{body}</div>
            </A.Description>
            {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
            <div className="mt-5 flex flex-wrap justify-end gap-2">
              <A.Cancel className={buttonClass("secondary")}>Cancel</A.Cancel>
              <button
                type="button"
                className={buttonClass(danger ? "danger" : "primary")}
                disabled={pending}
                onClick={() => void act.run(undefined)}
              >
                {pending ? "Working…" : confirmLabel}
              </button>
            </div>
          </A.Content>
        </div>
      </A.Portal>
    </A.Root>
  );
}
