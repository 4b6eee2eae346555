"use client";
import { useEffect } from "react";
import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

// A page that failed to render: says so and offers a retry, and names nothing (no message, no id, no path):
// whatever failed may be about something the viewer must not learn exists.
export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Something went wrong · Enclave";
  }, []);
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">This page could not be shown. Nothing was changed. Try again, or go back to the catalog.</p>
      <div className="mt-6 flex justify-center gap-2">
        <Button onClick={reset}><RotateCw className="h-4 w-4" aria-hidden /> Try again</Button>
        <a href="/catalog" className="inline-flex items-center rounded-lg px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Catalog</a>
      </div>
    </div>
  );
}
