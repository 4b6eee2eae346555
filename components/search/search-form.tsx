"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Search as SearchIcon } from "lucide-react";
import { recordSearch } from "@/lib/search/actions";
import { searchHref } from "@/lib/search/schemas";

/** The /search box: a new query starts from page 1 with no filter, and is remembered in recent searches. */
export function SearchForm({ q }: { q: string }) {
  const router = useRouter();
  const [value, setValue] = useState(q);
  return (
    <form
      role="search"
      action="/search"
      className="mb-6"
      onSubmit={(e) => {
        e.preventDefault();
        const term = value.trim();
        if (term) void recordSearch({ q: term });
        router.push(searchHref({ q: term }));
      }}
    >
      <label className="relative block max-w-2xl">
        <span className="sr-only">Search</span>
        <SearchIcon className="pointer-events-none absolute left-3 top-3 h-4 w-4 text-slate-400" aria-hidden />
        <input
          name="q"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
          maxLength={200}
          placeholder="Search tables, columns, dashboards, people…"
          className="w-full rounded-xl border border-slate-300 bg-white py-2.5 pl-9 pr-3 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
      </label>
    </form>
  );
}
