import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import OrdersPage from "../features/orders/OrdersPage";
import { AddressBook } from "../features/account/AddressBook";
import AdminProductsPage from "../features/admin/AdminProductsPage";
import AdminShippingPage from "../features/admin/AdminShippingPage";
import { admin, fakeGateway, renderPage, shopper } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

/** Every list holds its place with skeleton rows while it loads, and says what to do when it is empty. */
describe("lists while loading and when empty", () => {
  it("the shopper's orders: skeleton rows, then no orders yet with a way to the catalog", async () => {
    fakeGateway({ "GET /api/orders": { body: { items: [], next: null } } });
    renderPage(<OrdersPage />, { user: shopper });
    expect(screen.getByRole("status")).toHaveTextContent("Loading…");
    expect(document.querySelectorAll(".skeleton-row")).toHaveLength(5);
    expect(await screen.findByText(/You have no orders yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Start shopping" })).toHaveAttribute("href", "/catalog");
    expect(document.querySelector(".skeleton-row")).toBeNull();
  });

  it("the address book: no saved addresses yet", async () => {
    fakeGateway({ "GET /api/users/me/addresses": { body: [] } });
    renderPage(<AddressBook />, { user: shopper });
    expect(document.querySelectorAll(".skeleton-row")).toHaveLength(2);
    expect(await screen.findByText(/No saved addresses yet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add an address" })).toBeInTheDocument();
  });

  it("the back office's products say when none match", async () => {
    fakeGateway({ "GET /api/products": { body: { items: [], next: null, facets: null } } });
    renderPage(<AdminProductsPage />, { user: admin });
    expect(await screen.findByText(/No products match/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("the back office's shipping methods say checkout needs one", async () => {
    fakeGateway({ "GET /api/orders/admin/shipping-methods": { body: [] } });
    renderPage(<AdminShippingPage />, { user: admin });
    expect(await screen.findByText(/No shipping methods yet/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
