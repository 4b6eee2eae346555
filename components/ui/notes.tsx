/** A refusal or failure shown in place, where the person is looking. */
export function ErrorNote({ children }: { children: React.ReactNode }) {
  return <p role="status" data-testid="action-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">{children}</p>;
}

/** A guardrail: what a change would widen, said before it happens. */
export function WarningNote({ children }: { children: React.ReactNode }) {
  return <div data-testid="guardrail-warning" className="rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">{children}</div>;
}
