import { test, expect } from "@playwright/test";
import { PASSWORD, signIn, submitSignIn } from "./users";

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

test("a password change ends every open session at its next request; the new password signs in", async ({ browser }) => {

  const laptop = await signIn(browser, "finn@initech.test");
  const phone = await signIn(browser, "finn@initech.test");

  await laptop.getByRole("link", { name: /Finn Walsh/ }).click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  await laptop.getByRole("tab", { name: "Password" }).click();
  await laptop.getByLabel("Current password").fill("not-my-password");
  await laptop.getByLabel("New password", { exact: true }).fill("finn-new-password");
  await laptop.getByLabel("Repeat the new password").fill("finn-new-password");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status")).toHaveText("Your current password is not right. Nothing was changed.");
  await laptop.getByLabel("Current password").fill(PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await laptop.waitForURL("**/login?notice=password-changed");
  await expect(laptop.getByRole("status")).toContainText("Your password was changed");

  await phone.goto("/my-team");
  await expect(phone).toHaveURL(/\/login\?callbackUrl=/);
  const old = await submitSignIn(browser, "finn@initech.test");
  await expect(old.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signIn(browser, "finn@initech.test", "finn-new-password");
});
