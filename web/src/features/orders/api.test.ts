import { describe, expect, it } from "vitest";
import { formatOrderNumber, isOrderReference } from "./api";

describe("formatOrderNumber", () => {
  it("groups the digits in threes from the right with a no-break space, so the number reads out and never wraps", () => {
    expect(formatOrderNumber(100245)).toBe("100\u00a0245");
    expect(formatOrderNumber(100001)).toBe("100\u00a0001");
    expect(formatOrderNumber(1000001)).toBe("1\u00a0000\u00a0001");
    expect(formatOrderNumber(99999999999)).toBe("99\u00a0999\u00a0999\u00a0999");
  });

  it("shows digits only: nothing a listener could hear as another letter", () => {
    expect(formatOrderNumber(123456789)).toMatch(/^[0-9\u00a0]+$/);
  });
});

describe("isOrderReference", () => {
  it("takes a number as shown or typed: grouped, with a #, pasted with a no-break space", () => {
    for (const text of ["100245", "100 245", "#100245", "# 100 245", "100\u00a0245", " 100-245 ", "1 000 001"]) expect(isOrderReference(text)).toBe(true);
  });

  it("still takes the 12 hex characters older orders showed, and a whole id", () => {
    expect(isOrderReference("3f9c0a1b2c4d")).toBe(true);
    expect(isOrderReference("3F9C0A1B2C4D")).toBe(true);
    expect(isOrderReference("019ab3c4-d5e6-7f80-9a1b-3f9c0a1b2c4d")).toBe(true);
  });

  it("refuses what cannot be an order: half typed, below the first number, too long, or not digits", () => {
    for (const text of ["", "#", "1002", "099999", "100000", "123456789012345", "10024x", "ord-12z", "3f9c0a1b"]) expect(isOrderReference(text)).toBe(false);
  });
});
