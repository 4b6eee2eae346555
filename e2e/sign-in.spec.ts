import { test, expect } from "@playwright/test";
import { PASSWORD } from "./users";

test("a signed-out visit goes to the sign-in page and comes back after it", async ({ page }) => {
  await page.goto("/search?q=orders");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.fill('input[name="email"]', "viewer@acme.test");
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL("**/search?q=orders");
  await expect(page.getByRole("heading", { name: "Search" })).toBeVisible();
});

test("a wrong password and an unknown email get the same refusal", async ({ page }) => {
  for (const [email, password] of [["admin@acme.test", "wrong-password"], ["nobody@acme.test", PASSWORD]]) {
    await page.goto("/login");
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("sign-out ends the session", async ({ page }) => {
  await page.goto("/login");
  await page.fill('input[name="email"]', "ben@northwind.test");
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL("**/catalog");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login**");
  await page.goto("/catalog");
  await expect(page).toHaveURL(/\/login/);
});
