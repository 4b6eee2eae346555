// Sign-in throttling per account and per address: a sliding window of failures kept in the process.
// Several app servers each keep their own window, which still bounds a guesser to N × servers attempts.

type Window = { failures: number[] };

const g = globalThis as unknown as { __enclaveSignInFailures?: Map<string, Window> };
const failures = (g.__enclaveSignInFailures ??= new Map());

export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 20, windowMs: 15 * 60_000 },
};

function recent(key: string, windowMs: number, now: number): number[] {
  const w = failures.get(key);
  if (!w) return [];
  w.failures = w.failures.filter((t: number) => now - t < windowMs);
  if (!w.failures.length) failures.delete(key);
  return w.failures;
}

export function signInBlocked(email: string, address: string, now = Date.now()): { blocked: boolean; retryAfterS: number } {
  const checks = [
    { key: `acct:${email}`, ...SIGN_IN_LIMITS.perAccount },
    { key: `addr:${address}`, ...SIGN_IN_LIMITS.perAddress },
  ];
  for (const c of checks) {
    const list = recent(c.key, c.windowMs, now);
    if (list.length >= c.max) return { blocked: true, retryAfterS: Math.ceil((list[0] + c.windowMs - now) / 1000) };
  }
  return { blocked: false, retryAfterS: 0 };
}

export function recordSignInFailure(email: string, address: string, now = Date.now()): void {
  for (const key of [`acct:${email}`, `addr:${address}`]) {
    const w = failures.get(key) ?? { failures: [] };
    w.failures.push(now);
    failures.set(key, w);
  }
}

export function clearSignInFailures(email: string): void {
  failures.delete(`acct:${email}`);
}

export function resetSignInLimits(): void {
  failures.clear();
}
