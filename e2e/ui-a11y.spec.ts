// Every console page, as the admin and as Ana, in the light and in the dark theme: axe-core finds no serious or
// critical violation (contrast included). The theme follows the system, so emulating the colour scheme is enough.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { STATES } from "./users";
import { consolePages } from "./console-pages";

for (const who of ["admin", "ana"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`${who}, ${scheme}`, () => {
      test.use({ storageState: STATES[who].file, colorScheme: scheme });
      test(`every console page is free of serious and critical axe violations`, async ({ page }) => {
        test.setTimeout(240_000);
        const problems: string[] = [];
        for (const url of consolePages(who)) {
          await page.goto(url);
          await page.waitForLoadState("networkidle");
          await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /\blight\b/);
          const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
            problems.push(`${url}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
          }
        }
        expect(problems, problems.join("\n")).toEqual([]);
      });
    });
  }
}
