// One's own account: a password change needs the current password, is throttled like sign-in, and ends every
// open session at its next request; a rename changes only one's own name. Bad input changes nothing.
import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { changePassword, renameSelf } from "@/lib/account/actions";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
const row = async (email: string) =>
  (await db.sql<{ id: string; passwordHash: string; sessionVersion: number; name: string }>(
    `SELECT id, "passwordHash", "sessionVersion", name FROM "User" WHERE email = $1`, [email]))[0];

describe("changing one's password", () => {
  it("refuses bad input with a clear message and changes nothing", async () => {
    actAs(await db.viewer("ben@northwind.test"));
    const before = await row("ben@northwind.test");
    const cases: [unknown, RegExp][] = [
      [{ current: "enclave-demo", next: "short", repeat: "short" }, /at least 10 characters/],
      [{ current: "enclave-demo", next: "a-long-new-password", repeat: "another-one-entirely" }, /differ/],
      [{ current: "enclave-demo", next: "enclave-demo", repeat: "enclave-demo" }, /same as the current/],
      [{ current: "enclave-demo", next: "x".repeat(1_000_000), repeat: "x".repeat(1_000_000) }, /too long/],
      [{ current: 42, next: null }, /./],
      [{}, /./],
    ];
    for (const [input, message] of cases) {
      const res = await changePassword(input as never);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(said(res)).toMatch(message);
    }
    expect(await row("ben@northwind.test")).toEqual(before);
  });

  it("refuses a wrong current password, and throttles repeated guesses", async () => {
    actAs(await db.viewer("dan@globex.test"));
    const before = await row("dan@globex.test");
    for (let i = 0; i < 5; i++) {
      expect(await changePassword({ current: `guess-${i}`, next: "a-brand-new-password", repeat: "a-brand-new-password" })).toEqual({
        ok: false,
        error: "Your current password is not right. Nothing was changed.",
      });
    }
    // Now even the right password is refused for a while: a stolen session cannot brute-force it.
    expect(await changePassword({ current: "enclave-demo", next: "a-brand-new-password", repeat: "a-brand-new-password" })).toEqual({
      ok: false,
      error: "Too many wrong passwords. Wait a few minutes and try again.",
    });
    expect(await row("dan@globex.test")).toEqual(before);
  });

  it("with the current password: a new hash, an audit event, and every open session ends", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const before = await row("ana@northwind.test");
    expect(await resolveViewer(db.conn.prisma, before.id, before.sessionVersion)).not.toBeNull();
    actAs(ana);
    expect(await changePassword({ current: "enclave-demo", next: "ana-new-password", repeat: "ana-new-password" })).toEqual({ ok: true, data: { signedOut: true } });
    const after = await row("ana@northwind.test");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await bcrypt.compare("ana-new-password", after.passwordHash)).toBe(true);
    expect(await bcrypt.compare("enclave-demo", after.passwordHash)).toBe(false);
    expect(await resolveViewer(db.conn.prisma, before.id, before.sessionVersion)).toBeNull();
    expect(await resolveViewer(db.conn.prisma, before.id, after.sessionVersion)).not.toBeNull();
    const audit = await db.sql(`SELECT "actorEmail", "targetId" FROM "AuditEvent" WHERE action = 'account.password_changed'`);
    expect(audit).toEqual([{ actorEmail: "ana@northwind.test", targetId: before.id }]);
  });
});

describe("renaming oneself", () => {
  it("changes only one's own name, audited; a blank or 1 MB name is refused", async () => {
    actAs(await db.viewer("cara@globex.test"));
    const others = await db.sql(`SELECT id, name FROM "User" WHERE email <> 'cara@globex.test' ORDER BY id`);
    for (const name of ["   ", "x".repeat(1_000_000)]) expect((await renameSelf({ name })).ok).toBe(false);
    expect(await renameSelf({ name: "Cara M. Mendes" })).toEqual({ ok: true, data: { name: "Cara M. Mendes" } });
    expect((await row("cara@globex.test")).name).toBe("Cara M. Mendes");
    expect(await db.sql(`SELECT id, name FROM "User" WHERE email <> 'cara@globex.test' ORDER BY id`)).toEqual(others);
    expect(await db.sql(`SELECT before, after FROM "AuditEvent" WHERE action = 'account.renamed'`)).toEqual([
      { before: { name: "Cara Mendes" }, after: { name: "Cara M. Mendes" } },
    ]);
  });

  it("needs a session", async () => {
    actAs(null);
    expect(await renameSelf({ name: "Nobody" })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    expect(await changePassword({ current: "a", next: "bbbbbbbbbbbb", repeat: "bbbbbbbbbbbb" })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
  });
});
