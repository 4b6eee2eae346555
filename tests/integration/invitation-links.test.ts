// Invitation links are credentials (#15 item 9): never written to the server's log, and with SMTP set never handed
// to the inviter (who could otherwise accept as the invitee), even when sending fails; without SMTP the inviter gets
// the link once, in the answer, to pass on.
import { afterEach, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { inviteMembers, resendInvitation } from "@/lib/members/actions";

const db = await setupTestDb();
const smtp = process.env.SMTP_URL;
afterEach(() => {
  if (smtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtp;
  vi.restoreAllMocks();
});

/** Everything the server wrote to its console while fn ran. */
async function logged(fn: () => Promise<unknown>): Promise<{ text: string; result: unknown }> {
  const lines: string[] = [];
  for (const m of ["log", "info", "warn", "error"] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(" ")));
  const result = await fn();
  return { text: lines.join("\n"), result };
}

describe("invitation links", () => {
  it("with SMTP set, neither the answer nor the log holds the link, even when sending fails", async () => {
    actAs(await db.viewer("admin@acme.test"));
    // A closed port on the loopback: the message cannot be sent.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const { text, result } = await logged(() => inviteMembers({ emails: "lee@example.com", role: "VIEWER", teamIds: [] }));
    expect(result).toMatchObject({ ok: true });
    const [r] = (result as { data: { link?: string; delivery: string; userId: string }[] }).data;
    expect(r.link).toBeUndefined();
    expect(r.delivery).toBe("failed");
    expect(JSON.stringify(result)).not.toContain("/invite/");
    expect(text).not.toContain("/invite/");
    const again = await logged(() => resendInvitation({ userId: r.userId }));
    expect(JSON.stringify(again.result)).not.toContain("/invite/");
    expect(again.text).not.toContain("/invite/");
  });

  it("without SMTP, the inviter gets the link in the answer, and the log never has it", async () => {
    actAs(await db.viewer("admin@acme.test"));
    delete process.env.SMTP_URL;
    const { text, result } = await logged(() => inviteMembers({ emails: "mo@example.com", role: "VIEWER", teamIds: [] }));
    const [r] = (result as { data: { link?: string; delivery: string }[] }).data;
    expect(r).toMatchObject({ delivery: "shown", link: expect.stringContaining("/invite/") });
    expect(text).not.toContain("/invite/");
  });
});
