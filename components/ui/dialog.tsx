"use client";
import { useRef } from "react";
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { cn } from "./cn";
import { useReturnFocus } from "./return-focus";

/**
 * The one modal dialog (Radix): focus moves in and is trapped while open, Escape and the close button dismiss it,
 * and focus goes back to whatever opened it (the button, or the menu's trigger when a menu item did).
 */
export function Dialog({ open, onClose, title, description, children, footer, wide, testId }: {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const returnFocus = useReturnFocus(open);
  const body = useRef<HTMLDivElement>(null);
  return (
    <D.Root open={open} onOpenChange={(o) => !o && onClose()}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px] dark:bg-black/60" />
        <div className="pointer-events-none fixed inset-0 z-50 flex items-start justify-center overflow-y-auto px-3 py-10 sm:px-4 sm:py-16">
          <D.Content
            data-testid={testId}
            ref={body}
            onCloseAutoFocus={returnFocus}
            onEscapeKeyDown={(e) => {
              // A search box inside (the person picker) spends the first Escape on clearing its text: the dialog
              // closes on the next one. Radix hears Escape before the box does, hence the check here.
              const t = e.target as HTMLInputElement | null;
              if (t?.dataset?.escapeClears !== undefined && t.value) e.preventDefault();
            }}
            onOpenAutoFocus={(e) => {
              // The first field if there is one (not the close button in the corner).
              const first = body.current?.querySelector<HTMLElement>("input:not([type=hidden]):not([disabled]), select, textarea, [data-autofocus]");
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }}
            className={cn("pointer-events-auto w-full rounded-xl border border-slate-200 bg-white shadow-xl", wide ? "max-w-2xl" : "max-w-lg")}
            {...(description ? {} : { "aria-describedby": undefined })}
          >
            <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
              <div className="min-w-0">
                <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
                {description ? <D.Description className="mt-0.5 text-sm text-slate-600">{description}</D.Description> : null}
              </div>
              <D.Close aria-label="Close" className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
                <X className="h-4 w-4" aria-hidden />
              </D.Close>
            </div>
            {children ? <div className="px-5 py-4">{children}</div> : null}
            {footer ? <div className="flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-5 py-3">{footer}</div> : null}
          </D.Content>
        </div>
      </D.Portal>
    </D.Root>
  );
}
