// Waits until a URL answers 200 (at most 5 minutes): `npx tsx scripts/wait-for.ts http://localhost:3100/api/health/ready`.
const url = process.argv[2];
if (!url) throw new Error("Usage: tsx scripts/wait-for.ts <url>");
const until = Date.now() + 300_000;
for (;;) {
  const ok = await fetch(url).then((r) => r.ok, () => false);
  if (ok) process.exit(0);
  if (Date.now() > until) {
    console.error(`${url} did not answer within 5 minutes`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}
export {};
