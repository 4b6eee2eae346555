import cronstrue from "cronstrue";
import { Cron } from "croner";

/** Five fields (minute hour day month weekday), the form the trigger accepts. */
export const CRON_FIELDS = /^\s*\S+\s+\S+\s+\S+\s+\S+\s+\S+\s*$/;

/** Null when the expression is valid; otherwise a message to show. */
export function cronError(expr: string): string | null {
  if (!CRON_FIELDS.test(expr)) return "A schedule has five fields: minute hour day-of-month month day-of-week (e.g. 0 6 * * *).";
  try {
    const next = new Cron(expr, { timezone: "UTC", paused: true }).nextRun();
    if (!next) return "That schedule never runs.";
    cronstrue.toString(expr, { throwExceptionOnParseError: true });
    return null;
  } catch {
    return "That is not a valid schedule (cron expression).";
  }
}

/** "every day at 06:00" — the schedule in words, times in UTC. */
export function cronInWords(expr: string): string {
  try {
    const s = cronstrue.toString(expr, { use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
    const words = s.charAt(0).toLowerCase() + s.slice(1);
    return /^at \d\d:\d\d$/.test(words) ? `every day ${words}` : words;
  } catch {
    return expr;
  }
}

/** The next time after `from` the schedule is due (UTC), or null. */
export function nextRun(expr: string, from: Date = new Date()): Date | null {
  try {
    return new Cron(expr, { timezone: "UTC", paused: true }).nextRun(from);
  } catch {
    return null;
  }
}
