"use client";
import { Popover as P } from "radix-ui";

/** A small panel anchored to a control (the person picker's list, a filter's options). */
export const Popover = P.Root;
export const PopoverTrigger = P.Trigger;
export const PopoverAnchor = P.Anchor;

export function PopoverContent({ children, className = "", ...props }: React.ComponentProps<typeof P.Content>) {
  return (
    <P.Portal>
      <P.Content sideOffset={4} align="start" className={`z-50 rounded-lg border border-slate-200 bg-white p-1 shadow-lg ${className}`} {...props}>
        {children}
      </P.Content>
    </P.Portal>
  );
}
