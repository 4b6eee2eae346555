// While a console page renders on the server: the shape of a page (a title, a card of rows), nothing named.
// Used as loading.tsx only by pages that never answer 404 (catalog, search, my team): a loading boundary streams
// the page with status 200 before the page runs, so a notFound() under it would no longer be a real 404.
export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading" role="status" className="animate-pulse">
      <div className="mb-2 h-3 w-24 rounded bg-slate-200" />
      <div className="mb-2 h-7 w-56 max-w-full rounded bg-slate-200" />
      <div className="mb-6 h-4 w-96 max-w-full rounded bg-slate-100" />
      <div className="rounded-xl border border-slate-200 bg-white">
        <div className="border-b border-slate-100 px-5 py-4"><div className="h-9 w-64 max-w-full rounded-lg bg-slate-100" /></div>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-5 py-3 last:border-0">
            <div className="h-4 w-4 rounded bg-slate-100" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
            <div className="hidden h-4 w-24 rounded bg-slate-100 sm:block" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
