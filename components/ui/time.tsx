"use client";
import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, type DateStyle } from "@/lib/format/date";

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * A date or time in the viewer's own time zone, named ("1 Dec 2026, 10:14 CET"). The server renders UTC (it does
 * not know the zone); the browser switches to its zone once mounted. The machine-readable value is in dateTime.
 */
export function Time({ iso, style = "datetime", className }: { iso: string; style?: DateStyle; className?: string }) {
  const zone = useSyncExternalStore(noop, browserZone, () => "UTC");
  const text = style === "date" ? formatDate(iso, zone) : formatDateTime(iso, zone);
  return <time dateTime={iso} className={className} suppressHydrationWarning>{text}</time>;
}
