import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGateway } from "../../test/render";
import { ApiError, busyMessage, busyRetries, query, request, setAccessTokenSource, setBusyListener } from "./http";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setAccessTokenSource(() => undefined);
  setBusyListener(() => {});
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
    await expect(request("/api/y")).rejects.toThrow("The store is very busy right now; please try again in a moment.");
  });
});

describe("a busy store (503/429 with Retry-After)", () => {
  const busy = () =>
    new Response(JSON.stringify({ status: 503, title: "The store is busy.", detail: "Nothing was done. Try again in 2 s." }), {
      status: 503,
      headers: { "Content-Type": "application/problem+json", "Retry-After": "2" },
    });
  const ok = () => new Response(JSON.stringify({ items: [] }), { status: 200, headers: { "Content-Type": "application/json" } });

  it("tells the shopper it is trying again and repeats a read once after the given delay", async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn().mockResolvedValueOnce(busy()).mockResolvedValueOnce(ok());
    vi.stubGlobal("fetch", fetchMock);
    const notices: (string | undefined)[] = [];
    setBusyListener((message) => notices.push(message));

    const answer = request<{ items: unknown[] }>("/api/products");
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([busyMessage]);
    await vi.advanceTimersByTimeAsync(1);

    await expect(answer).resolves.toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(notices).toEqual([busyMessage, undefined]);
  });

  it("keeps a read going through several busy answers, the notice showing until it is served", async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn().mockResolvedValueOnce(busy()).mockResolvedValueOnce(busy()).mockResolvedValueOnce(ok());
    vi.stubGlobal("fetch", fetchMock);
    const notices: (string | undefined)[] = [];
    setBusyListener((message) => notices.push(message));

    const answer = request<{ items: unknown[] }>("/api/products");
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(notices).toEqual([busyMessage]);
    await vi.advanceTimersByTimeAsync(2000);

    await expect(answer).resolves.toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(notices).toEqual([busyMessage, undefined]);
  });

  it("gives up after its retries with the server's words, and never repeats a write", async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn().mockImplementation(async () => busy());
    vi.stubGlobal("fetch", fetchMock);

    const read = request("/api/products").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000 * busyRetries);
    const error = (await read) as ApiError;
    expect(error.status).toBe(503);
    expect(error.message).toBe("Nothing was done. Try again in 2 s.");
    expect(fetchMock).toHaveBeenCalledTimes(1 + busyRetries);

    fetchMock.mockClear();
    await expect(request("/api/orders/cart/lines", { method: "POST", body: {} })).rejects.toThrow("Try again in 2 s.");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe("query", () => {
  it("leaves out empty values", () => {
    expect(query({ q: "mug", page: 2, brand: undefined, category: "", inStock: false })).toBe("?q=mug&page=2&inStock=false");
    expect(query({})).toBe("");
  });
});
