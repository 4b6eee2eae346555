import { createRequire } from "node:module";
import path from "node:path";
const require = createRequire(path.join(process.cwd(), "package.json"));
const { chromium } = require("@playwright/test");
const [user, q, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto("http://localhost:3101/login");
await page.getByLabel(/email/i).fill(user);
await page.getByLabel(/password/i).fill("enclave-demo");
await page.getByRole("button", { name: /sign in/i }).click();
await page.waitForURL(/catalog/);
await page.keyboard.press("Control+k");
if (q) { await page.getByRole("combobox").fill(q); await page.waitForTimeout(800); await page.keyboard.press("ArrowDown"); }
else await page.waitForTimeout(600);
await page.screenshot({ path: out });
await browser.close();
console.log(out);
