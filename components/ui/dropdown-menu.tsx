"use client";
import { DropdownMenu as M } from "radix-ui";
import { cn } from "./cn";

/**
 * A menu of actions behind one button (a table row's ⋯): arrow keys move, Enter picks, Escape closes and focus
 * returns to the button. Non-modal, so a dialog opened from an item can take the focus over cleanly.
 */
export function Menu({ trigger, label, children, align = "end" }: { trigger: React.ReactNode; label: string; children: React.ReactNode; align?: "start" | "end" }) {
  return (
    <M.Root modal={false}>
      <M.Trigger
        aria-label={label}
        data-menu-trigger=""
        onPointerDown={markLastOpened}
        onKeyDown={markLastOpened}
        className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 data-[state=open]:bg-slate-100"
      >
        {trigger}
      </M.Trigger>
      <M.Portal>
        <M.Content align={align} sideOffset={4} className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg">
          {children}
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}

export function MenuItem({ onSelect, children, tone = "neutral" }: { onSelect: () => void; children: React.ReactNode; tone?: "neutral" | "danger" }) {
  return (
    <M.Item
      onSelect={onSelect}
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 outline-none data-[highlighted]:bg-slate-100",
        tone === "danger" ? "text-rose-700" : "text-slate-800",
      )}
    >
      {children}
    </M.Item>
  );
}

export const MenuSeparator = () => <M.Separator className="my-1 h-px bg-slate-100" />;

// The dialog an item opens gives focus back to this trigger (see return-focus.ts).
function markLastOpened(e: React.SyntheticEvent<HTMLElement>) {
  document.querySelectorAll("[data-last-opened]").forEach((el) => el.removeAttribute("data-last-opened"));
  e.currentTarget.setAttribute("data-last-opened", "");
}
