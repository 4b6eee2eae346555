import { cn } from "./cn";

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
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={title ?? label}
      className={cn(
        "rounded-md p-1.5 text-slate-400",
        tone === "danger" ? "hover:bg-rose-50 hover:text-rose-600" : "hover:bg-slate-100 hover:text-slate-700",
        className,
      )}
    >
      {children}
    </button>
  );
}
