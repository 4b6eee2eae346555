"use client";
import { Tooltip as T } from "radix-ui";

/** Mounted once in the root layout so every Tooltip shares the delay. */
export const TooltipProvider = ({ children }: { children: React.ReactNode }) => <T.Provider delayDuration={300}>{children}</T.Provider>;

/** A short hint on hover and keyboard focus; never the only place something is said (the label is the name). */
export function Tooltip({ content, children }: { content: React.ReactNode; children: React.ReactElement }) {
  return (
    <T.Root>
      <T.Trigger asChild>{children}</T.Trigger>
      <T.Portal>
        <T.Content sideOffset={4} className="z-50 max-w-xs rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow dark:bg-slate-700 dark:text-slate-50">
          {content}
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
