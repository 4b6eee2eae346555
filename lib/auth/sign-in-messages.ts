// What the sign-in page may say about a failed attempt. The `error` in its URL (next-auth puts it there) is only
// ever a code looked up here: text from the query string never reaches the page, so a crafted link cannot make
// the console tell someone to "reset it at https://evil.example".

/** The error `authorize` throws while an attempt is throttled: a fixed code plus whole seconds, nothing else. */
export const RATE_LIMITED_CODE = "RateLimited";

export function rateLimitedError(retryAfterS: number): string {
  return `${RATE_LIMITED_CODE}:${Math.max(1, Math.ceil(retryAfterS))}`;
}

const GENERIC = "Wrong email or password.";

function waitFor(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function signInMessage(error: string | undefined | null): string | null {
  if (!error) return null;
  const limited = /^RateLimited:(\d{1,6})$/.exec(error);
  if (limited) return `Too many sign-in attempts. Try again in ${waitFor(Number(limited[1]))}.`;
  if (error === RATE_LIMITED_CODE) return "Too many sign-in attempts. Try again in a few minutes.";
  // Single sign-on and e-mail links (lib/sso, lib/sign-in) refuse with one plain code each.
  if (error === "sso") return "Single sign-on did not sign you in. Try again, or ask your administrator.";
  if (error === "link") return "That sign-in link cannot be used: it was used already, has expired or was opened in another browser. Request a new one.";
  return GENERIC;
}
