import Link from "next/link";

// One page for "missing" and "not yours": it names nothing, so a guessed id teaches nothing.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-sm text-sm text-slate-600">There is nothing at this address, or it is not available to you.</p>
      <Link href="/catalog" className="mt-2 text-sm font-medium text-brand-700 hover:text-brand-700">
        Back to the catalog
      </Link>
    </main>
  );
}
