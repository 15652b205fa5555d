import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import { busyMessage, request } from "../shared/api/http";
import { BusyNotice } from "./BusyNotice";

afterEach(() => vi.unstubAllGlobals());

describe("the busy notice", () => {
  it("says the store is busy while a read waits out a 503 with Retry-After, and clears when the retry answers", async () => {
    const busy = new Response(JSON.stringify({ status: 503, title: "The store is busy." }), {
      status: 503,
      headers: { "Content-Type": "application/problem+json", "Retry-After": "1" },
    });
    const ok = new Response(JSON.stringify({ items: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(busy).mockResolvedValueOnce(ok));
    render(<BusyNotice />);
    const status = screen.getByRole("status");
    expect(status).toBeEmptyDOMElement();

    const answer = request<{ items: unknown[] }>("/api/products");
    await waitFor(() => expect(status).toHaveTextContent(busyMessage));
    await expect(answer).resolves.toEqual({ items: [] });
    await waitFor(() => expect(status).toBeEmptyDOMElement());
  });
});
