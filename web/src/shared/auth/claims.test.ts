import { describe, expect, it } from "vitest";
import { decodeClaims } from "./claims";

const jwt = (payload: object) => `e30.${btoa(JSON.stringify(payload)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}.sig`;

describe("decodeClaims", () => {
  it("reads a repeated role claim as a list", () => {
    expect(decodeClaims(jwt({ sub: "u1", role: ["customer", "admin"] })).roles).toEqual(["customer", "admin"]);
  });

  it("reads a single role claim and the identity claims", () => {
    expect(decodeClaims(jwt({ sub: "u1", role: "customer", email: "a@b.c", name: "Ada" }))).toEqual({ sub: "u1", email: "a@b.c", name: "Ada", roles: ["customer"] });
  });

  it("reads non-ASCII names", () => {
    const payload = btoa(unescape(encodeURIComponent(JSON.stringify({ name: "Zoë" }))));
    expect(decodeClaims(`e30.${payload}.sig`).name).toBe("Zoë");
  });

  it("gives no roles for a missing or malformed token", () => {
    expect(decodeClaims(undefined).roles).toEqual([]);
    expect(decodeClaims("not-a-jwt").roles).toEqual([]);
    expect(decodeClaims("a.%%%.c").roles).toEqual([]);
  });
});
