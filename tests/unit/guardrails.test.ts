import { describe, expect, it } from "vitest";
import { additionWarnings } from "@/lib/policy";

const general = { name: "General", isDefault: true, visibility: "PUBLIC" as const };
const client = { name: "Umbrella", isDefault: false, visibility: "PRIVATE" as const };
const open = { name: "Data guild", isDefault: false, visibility: "PUBLIC" as const };
const guest = (name: string) => ({ name, role: "GUEST" });
const staff = (name: string, role = "VIEWER") => ({ name, role });

describe("guardrails on adding people to a team", () => {
  it("a guest into General names the consequence", () => {
    expect(additionWarnings(general, [guest("Ben")])).toEqual([
      "Ben is a Guest: in General they will see every resource and every person shared with General, like an employee.",
    ]);
    expect(additionWarnings(general, [guest("B"), guest("A")])[0]).toMatch(/^A and B are Guests/);
  });

  it("employees into General, guests into a private team, anyone into a public team: nothing to confirm", () => {
    expect(additionWarnings(general, [staff("Sam"), staff("Priya", "EDITOR")])).toEqual([]);
    expect(additionWarnings(client, [guest("Eve")])).toEqual([]);
    expect(additionWarnings(open, [guest("Eve"), staff("Sam")])).toEqual([]);
    expect(additionWarnings(client, [])).toEqual([]);
  });

  it("an employee into a private client team warns that this person also sees General", () => {
    const [w] = additionWarnings(client, [guest("Eve"), staff("Sam")]);
    expect(w).toMatch(/^Sam is not a Guest and also sees everything in General/);
    expect(additionWarnings(client, ["A", "B", "C", "D", "E"].map((n) => staff(n)))[0]).toMatch(/^A, B, C and 2 more are not Guests/);
  });
});
