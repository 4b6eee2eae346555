// Teams and groups end to end: the admin invites a new guest, Uma, and builds a private client team "Umbrella"
// around her through the UI (a group "Umbrella people" holding her, added to the team); Uma sees Umbrella and
// nothing else; Ana sees nothing of Umbrella anywhere; the guardrail dialogs appear before anything risky happens.
import { test, expect, type Page } from "@playwright/test";
import { STATES, signIn } from "./users";

test.describe.configure({ mode: "serial" });

const ids: { initechPeople?: string; umbrellaPeople?: string; invite?: string } = {};
const UMA = { email: "uma@umbrella.test", name: "Uma Becker", password: "umbrella-pass-1" };

/**
 * The page is a 404 naming nothing. The RSC variant is answered by Next 16 with a redirect to `?_rsc` and then
 * a 200 whose payload is the not-found fallback: checked by its digest, and that it names nothing either.
 */
async function expect404(page: Page, url: string, absent: string[]) {
  for (const rsc of [false, true]) {
    const res = await page.request.get(url, { headers: rsc ? { RSC: "1" } : {} });
    const body = await res.text();
    if (rsc) expect(body, `${url} (RSC)`).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
    else {
      expect(res.status(), url).toBe(404);
      expect(body).toContain("Page not found · Enclave");
    }
    for (const word of absent) expect(body, `${url} names ${word}`).not.toContain(word);
  }
}

test.describe("as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("invites Uma as a guest in no team yet", async ({ page }) => {
    await page.goto("/settings/members");
    await page.getByRole("button", { name: "Invite people" }).click();
    await page.getByLabel("Email addresses").fill(UMA.email);
    await page.getByRole("dialog").getByLabel("Role").selectOption("GUEST");
    await page.getByRole("button", { name: "Send invitations" }).click();
    const link = page.getByTestId("invite-link");
    await expect(link).toBeVisible();
    ids.invite = new URL(await link.inputValue()).pathname;
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.locator("tbody tr", { hasText: UMA.email })).toContainText("Invited");
  });
});

test("Uma accepts the invitation and, in no team yet, sees nothing at all", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(ids.invite!);
  await page.getByLabel("Your name").fill(UMA.name);
  await page.getByLabel("Password", { exact: true }).fill(UMA.password);
  await page.getByLabel("Repeat the password").fill(UMA.password);
  await page.getByRole("button", { name: "Join the workspace" }).click();
  await page.waitForURL("**/catalog");
  await expect(page.getByText("Nothing has been shared with you yet")).toBeVisible();
  const html = await page.content();
  for (const word of ["Initech", "Northwind", "Globex", "General", "Warehouse", "Morgan Reyes"]) expect(html).not.toContain(word);
  await page.context().close();
});

test.describe("as the admin, again", () => {
  test.use({ storageState: STATES.admin.file });

  test("creates the group Umbrella people with Uma and adds it to the new private team Umbrella", async ({ page }) => {
    await page.goto("/settings/groups");
    await page.getByRole("link", { name: "Initech people" }).click();
    await page.waitForURL(/\/settings\/groups\/[0-9a-f-]{36}$/);
    ids.initechPeople = page.url().split("/").pop();

    await page.goto("/settings/groups");
    await page.getByRole("button", { name: "New group" }).click();
    await page.getByLabel("Name").fill("Umbrella people");
    await page.getByLabel("Description").fill("Everyone at Umbrella.");
    await page.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/settings\/groups\/[0-9a-f-]{36}$/);
    ids.umbrellaPeople = page.url().split("/").pop();
    await expect(page.getByRole("heading", { name: "Umbrella people" })).toBeVisible();
    await page.getByRole("button", { name: "Add members" }).click();
    const addDialog = page.getByRole("dialog");
    await addDialog.getByRole("option", { name: UMA.name }).click();
    await expect(addDialog.getByTestId("guardrail-warning")).toHaveCount(0);
    await addDialog.getByRole("button", { name: "Add 1" }).click();
    await expect(page.getByRole("cell", { name: UMA.name, exact: true })).toBeVisible();

    await page.goto("/settings/teams");
    await page.getByRole("button", { name: "New team" }).click();
    await page.getByLabel("Name").fill("Umbrella");
    await page.getByLabel("Description").fill("Private team of the Umbrella account.");
    await expect(page.getByRole("radio", { name: /Private/ })).toBeChecked();
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL("**/teams/umbrella");
    await expect(page.getByRole("heading", { name: "Umbrella" })).toBeVisible();
    await page.getByRole("button", { name: "Add group" }).click();
    const groupDialog = page.getByRole("dialog");
    await groupDialog.getByRole("combobox").selectOption({ label: "Umbrella people (1 member)" });
    await expect(groupDialog.getByTestId("guardrail-warning")).toHaveCount(0);
    await groupDialog.getByRole("button", { name: "Add group" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Umbrella people" })).toBeVisible();
    await expect(page.getByRole("main").getByText(UMA.name, { exact: true })).toBeVisible();
    await expect(page.getByText("Through Umbrella people")).toBeVisible();

    await page.goto("/settings/teams?q=umbrella");
    const row = page.getByRole("row", { name: /Umbrella/ });
    await expect(row).toContainText("Private");
    await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  });

  test("guardrail: an employee into the private team Umbrella warns that this person also sees General", async ({ page }) => {
    await page.goto("/teams/umbrella");
    await page.getByRole("button", { name: "Add members" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("option", { name: "Sam Ortiz" }).click();
    await expect(dialog.getByTestId("guardrail-warning")).toContainText("Sam Ortiz is not a Guest and also sees everything in General");
    await expect(dialog.getByRole("button", { name: "I understand, add them" })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("main").getByText(UMA.name, { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("Sam Ortiz", { exact: true })).toHaveCount(0);
  });

  test("guardrail: a guest, or a group holding guests, into General asks for a confirmation naming the consequence", async ({ page }) => {
    await page.goto("/teams/general");
    await page.getByRole("button", { name: "Add members" }).click();
    let dialog = page.getByRole("dialog");
    // Employees are in General already: the picker offers guests only.
    await expect(dialog.getByRole("option", { name: "Sam Ortiz" })).toHaveCount(0);
    await dialog.getByRole("option", { name: "Ben Carter" }).click();
    await expect(dialog.getByTestId("guardrail-warning")).toContainText("Ben Carter is a Guest: in General they will see every resource and every person shared with General");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Add group" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox").selectOption({ label: "Globex people (2 members)" });
    await expect(dialog.getByTestId("guardrail-warning")).toContainText("Through the group Globex people: Cara Mendes and Dan Okafor are Guests");
    await expect(dialog.getByRole("button", { name: "I understand, add the group" })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByRole("main").getByText("Sam Ortiz", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("Ben Carter", { exact: true })).toHaveCount(0);
    await expect(page.getByText("No group is linked to this team.")).toBeVisible();
  });

  test("deleting a team first says what its members lose", async ({ page }) => {
    await page.goto("/settings/teams");
    await page.getByRole("button", { name: "Delete Initech" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("delete-impact")).toContainText(/2 members lose access through this team to 3 assigned resources/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("link", { name: "Initech", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete General" })).toHaveCount(0);
  });
});

test("Uma, now in Umbrella people, sees Umbrella and nothing else", async ({ browser }) => {
  const page = await signIn(browser, UMA.email, UMA.password);
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByRole("link", { name: "Umbrella" })).toBeVisible();
  await expect(sidebar).not.toContainText("Initech");
  await page.goto("/my-team");
  await expect(page.getByRole("heading", { name: "Umbrella" })).toBeVisible();
  const html = await page.content();
  for (const word of ["Initech", "Finn Walsh", "Eve Larsen", "Northwind", "Globex", "General", "Umbrella people"]) expect(html).not.toContain(word);
  await page.goto("/teams/umbrella");
  await expect(page.getByRole("heading", { name: "Umbrella" })).toBeVisible();
  await expect(page.getByText("Umbrella people")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Groups" })).toHaveCount(0);
  await expect404(page, "/teams/initech", ["Initech", "Finn"]);
  await expect404(page, "/teams/general", ["General"]);
  await page.context().close();
});

test.describe("as Ana (Northwind guest)", () => {
  test.use({ storageState: STATES.ana.file });

  test("nothing of Umbrella appears anywhere", async ({ page }) => {
    for (const url of ["/catalog", "/my-team", "/search?q=umbrella", "/teams/northwind"]) {
      const res = await page.goto(url);
      expect(res!.status(), url).toBe(200);
      await expect(page.getByRole("navigation", { name: "Main" })).not.toContainText("Umbrella");
      const html = await page.content();
      for (const word of ["Umbrella", UMA.name, UMA.email]) expect(html, url).not.toContain(word);
    }
    await expect404(page, "/teams/umbrella", ["Umbrella", "Uma"]);
  });

  test("other teams, the settings and every group page are a 404 naming nothing", async ({ page }) => {
    await expect404(page, "/teams/globex", ["Globex", "Cara", "Dan Okafor"]);
    await expect404(page, "/teams/initech", ["Initech", "Finn"]);
    await expect404(page, "/teams/general", ["General", "Morgan"]);
    await expect404(page, "/settings/teams", ["Globex", "Initech", "Umbrella", "General"]);
    await expect404(page, "/settings/groups", ["Globex", "Initech", "Umbrella", "people"]);
    for (const id of [ids.initechPeople!, ids.umbrellaPeople!]) await expect404(page, `/settings/groups/${id}`, ["Initech", "Umbrella", "Eve", "Finn"]);
    // Her own team's page never names its group.
    await page.goto("/teams/northwind");
    await expect(page.getByRole("main").getByText("Ben Carter", { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain("Northwind people");
  });
});

test.describe("as the editor", () => {
  test.use({ storageState: STATES.editor.file });

  test("lists public teams and its own, never a private team it is not in", async ({ page }) => {
    await page.goto("/teams");
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "Northwind", exact: true })).toBeVisible();
    await expect(main.getByRole("link", { name: "General", exact: true })).toBeVisible();
    const html = await page.content();
    for (const word of ["Globex", "Initech", "Umbrella"]) expect(html).not.toContain(word);
    await expect404(page, "/teams/umbrella", ["Umbrella"]);
    await expect404(page, "/settings/teams", ["Umbrella"]);
  });
});
