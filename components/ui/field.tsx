"use client";
import { cloneElement, isValidElement, useId } from "react";
import { cn } from "./cn";

export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-rose-500";
export const selectClass =
  "rounded-lg border border-slate-300 bg-white px-2.5 py-2 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/**
 * A labelled form field whose error sits under it and is tied to the control with aria-describedby and
 * aria-invalid, so a screen reader reads the error with the field.
 */
export function Field({ label, hint, error, children, className }: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | null;
  children: React.ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const id = useId();
  const controlId = (children.props.id as string | undefined) ?? `${id}-control`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id: controlId, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })
    : children;
  return (
    <div className={cn("block", className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-700">{label}</label>
      <div className="mt-1">{control}</div>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The error line of a field, for groups of controls that are not one input (checklists, pickers). */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return <p id={id} data-testid="field-error" className="mt-1 text-sm text-rose-700">{error}</p>;
}
