"use client";
import { cn } from "./cn";
import { Tooltip } from "./tooltip";

/** A quiet square button holding one icon (row actions, a condition's remove); its label is its accessible name. */
export function IconButton({ label, title, tone = "neutral", onClick, children, className }: {
  label: string;
  title?: string;
  tone?: "neutral" | "danger";
  onClick: () => void;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Tooltip content={title ?? label}>
      <button
        type="button"
        onClick={onClick}
        aria-label={label}
        className={cn(
          "rounded-md p-1.5 text-slate-600",
          tone === "danger" ? "hover:bg-rose-50 hover:text-rose-700" : "hover:bg-slate-100 hover:text-slate-900",
          className,
        )}
      >
        {children}
      </button>
    </Tooltip>
  );
}
