import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { formatOrderNumber } from "./api";
import { admin, fakeGateway, renderPage, shopper } from "../../test/render";
import OrdersPage from "./OrdersPage";
import AdminOrdersPage from "../admin/AdminOrdersPage";
import AdminReturnsPage from "../admin/AdminReturnsPage";

// Every page shows the API's `number` the same way ("100 245"), never a piece of the id.

afterEach(() => vi.unstubAllGlobals());

const id = "019ab3c4-d5e6-7f80-9a1b-3f9c0a1b2c4d";

describe("order numbers on the pages", () => {
  it("lists the shopper's orders by their numbers", async () => {
    fakeGateway({
      "GET /api/orders": {
        body: { items: [{ id, number: 100245, status: "Paid", createdAt: "2026-11-25T10:00:00Z", itemCount: 2, total: 20, currency: "GBP" }], next: null },
      },
    });
    renderPage(<OrdersPage />, { user: shopper });

    const link = await screen.findByRole("link", { name: `Order ${formatOrderNumber(100245)}` });
    expect(link).toHaveAttribute("href", `/orders/${id}`);
    expect(screen.queryByText(/3f9c0a1b2c4d/)).not.toBeInTheDocument();
  });

  it("names the order of each return in the back office's queue by its number", async () => {
    fakeGateway({
      "GET /api/orders/admin/returns": {
        body: [{ orderId: id, orderNumber: 100245, returnId: "r1", status: "Requested", lines: [{ productId: "p1", sku: "MUG-1", quantity: 1, reason: "damaged" }], note: null, requestedAt: "2026-11-25T10:00:00Z" }],
      },
    });
    renderPage(<AdminReturnsPage />, { user: admin });

    expect(await screen.findByRole("rowheader", { name: formatOrderNumber(100245) })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: `Approve return of order ${formatOrderNumber(100245)}` })).toBeInTheDocument();
  });

  it("searches the back office by a number typed as the customer reads it, and waits while it is half typed", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/search": {
        body: { items: [{ id, number: 100245, customerId: "user-a", status: "Paid", createdAt: "2026-11-25T10:00:00Z", itemCount: 1, total: 20, currency: "GBP" }], next: null },
      },
    });
    const user = userEvent.setup();
    renderPage(<AdminOrdersPage />, { user: admin });
    await screen.findByRole("button", { name: formatOrderNumber(100245) });

    const box = screen.getByRole("searchbox", { name: "Order number" });
    await user.type(box, "#100 2");
    expect(await screen.findByText(/six or more digits/)).toBeInTheDocument();
    await user.type(box, "45");
    await waitFor(() => expect(gateway.requests.some((r) => new URL(r.url, "http://x").searchParams.get("order") === "#100 245")).toBe(true));
  });
});
