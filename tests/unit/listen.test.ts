// #15 item 14: with the demo's well-known passwords in the database, `npm start` listens on the loopback only.
import { describe, expect, it } from "vitest";
import { listenHost } from "@/lib/net/listen";

describe("the listening address", () => {
  it("is the loopback while the demo accounts exist, every interface otherwise, and HOST always wins", () => {
    expect(listenHost({}, true)).toBe("127.0.0.1");
    expect(listenHost({}, false)).toBe("0.0.0.0");
    expect(listenHost({ HOST: "0.0.0.0" }, true)).toBe("0.0.0.0");
    expect(listenHost({ HOST: " ::1 " }, false)).toBe("::1");
    expect(listenHost({ HOST: "" }, true)).toBe("127.0.0.1");
  });
});
