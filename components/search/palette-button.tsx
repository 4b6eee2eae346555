"use client";
import { useSyncExternalStore } from "react";
import { Search as SearchIcon } from "lucide-react";
import { OPEN_PALETTE_EVENT } from "./command-palette";

/** The sidebar's search field look-alike: opens the palette (as ⌘K / Ctrl-K does). */
const noSubscription = () => () => {};

export function PaletteButton() {
  // The platform never changes: nothing to subscribe to; the server renders the non-Mac label.
  const mac = useSyncExternalStore(noSubscription, () => /Mac|iPhone|iPad/.test(navigator.platform), () => false);
  return (
    <button
      type="button"
      data-testid="open-palette"
      onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
      className="flex w-full items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-600 hover:border-slate-300 hover:bg-white"
    >
      <SearchIcon className="h-4 w-4" aria-hidden />
      <span className="group-data-[collapsed=true]/side:sr-only">Search…</span>
      <kbd className="ml-auto rounded border border-slate-200 bg-white px-1.5 py-0.5 text-[10px] font-medium text-slate-600 group-data-[collapsed=true]/side:hidden">{mac ? "⌘K" : "Ctrl K"}</kbd>
    </button>
  );
}
