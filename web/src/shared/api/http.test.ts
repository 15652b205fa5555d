import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGateway } from "../../test/render";
import { ApiError, query, request, setAccessTokenSource } from "./http";

afterEach(() => {
  vi.unstubAllGlobals();
  setAccessTokenSource(() => undefined);
});

describe("request", () => {
  it("sends the access token and JSON body, and parses the answer", async () => {
    const gateway = fakeGateway({ "POST /api/x": (r) => ({ body: { echoed: r.body } }) });
    setAccessTokenSource(() => "abc");
    const answer = await request<{ echoed: unknown }>("/api/x", { method: "POST", body: { a: 1 } });
    expect(answer.echoed).toEqual({ a: 1 });
    expect(gateway.requests[0]?.headers.Authorization).toBe("Bearer abc");
  });

  it("turns problem details into an ApiError with field errors", async () => {
    fakeGateway({ "POST /api/x": { status: 400, body: { title: "Invalid", errors: { Price: ["Price must be positive."] } } } });
    const error = await request("/api/x", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldError("price")).toBe("Price must be positive.");
  });

  it("answers undefined for 204 and a readable message for an empty error", async () => {
    fakeGateway({ "DELETE /api/x": { status: 204 }, "GET /api/y": { status: 503 } });
    await expect(request("/api/x", { method: "DELETE" })).resolves.toBeUndefined();
    await expect(request("/api/y")).rejects.toThrow("The store is having trouble; please try again.");
  });
});

describe("query", () => {
  it("leaves out empty values", () => {
    expect(query({ q: "mug", page: 2, brand: undefined, category: "", inStock: false })).toBe("?q=mug&page=2&inStock=false");
    expect(query({})).toBe("");
  });
});
