/**
 * The one way the console writes dates: "1 Dec 2026" and "1 Dec 2026, 09:14 UTC", always with the time zone's
 * name after a time. Client-safe (no server imports); components/ui/time.tsx shows them in the viewer's zone.
 */
export type DateStyle = "date" | "datetime";

export function formatDate(iso: string | Date, timeZone = "UTC"): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });
}

export function formatDateTime(iso: string | Date, timeZone = "UTC"): string {
  const d = new Date(iso);
  const day = formatDate(d, timeZone);
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return `${day}, ${time} ${zoneName(d, timeZone)}`;
}

/** "UTC", "CET", "GMT+2"…: the short name of a zone at that moment. */
export function zoneName(d: Date, timeZone: string): string {
  if (timeZone === "UTC") return "UTC";
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** A date input's value (YYYY-MM-DD) as written elsewhere: "1 Dec 2026". */
export function formatDay(ymd: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? formatDate(`${ymd}T00:00:00Z`) : ymd;
}
