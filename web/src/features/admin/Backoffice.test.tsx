import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Promotion, ShippingMethod } from "../orders/api";
import { admin, fakeGateway, renderPage } from "../../test/render";
import AdminPromotionsPage from "./AdminPromotionsPage";
import AdminShippingPage from "./AdminShippingPage";
import { StockPanel } from "./StockPanel";

afterEach(() => vi.unstubAllGlobals());

const express: ShippingMethod = {
  code: "uk-express", name: "Express delivery", zone: "United Kingdom", countries: ["GB"], rateKind: "Flat", flatFee: 7.95, bands: [],
  freeOver: null, minDays: 1, maxDays: 1, active: true, sortOrder: 20, version: 41,
};

const toys: Promotion = {
  code: "TOYS10", description: "10% off toys", automatic: false, kind: "Percentage", value: 10, minimumSpend: null, productIds: [],
  categorySlugs: ["toys"], startsAt: null, endsAt: null, usageLimit: 100, perCustomerLimit: 1, timesUsed: 7, active: true, version: 9,
};

const invalid = (errors: Record<string, string[]>) => ({ status: 400, body: { title: "One or more validation errors occurred.", status: 400, errors } });

describe("AdminShippingPage", () => {
  it("lists the methods with zone, rate and delivery days, and edits one at the version listed", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/shipping-methods": { body: [express] },
      "PUT /api/orders/admin/shipping-methods/uk-express": (r) => ({ body: { ...express, ...(r.body as object), version: 42 } }),
    });
    const user = userEvent.setup();
    renderPage(<AdminShippingPage />, { user: admin });

    const row = await screen.findByTestId("shipping-method-uk-express");
    expect(row).toHaveTextContent("United Kingdom (GB)");
    expect(row).toHaveTextContent("Flat 7.95");
    expect(row).toHaveTextContent("1–1 days");
    await user.click(within(row).getByRole("button", { name: "Edit Express delivery" }));
    await user.clear(screen.getByLabelText("Flat fee"));
    await user.type(screen.getByLabelText("Flat fee"), "8.95");
    await user.type(screen.getByLabelText("Countries"), ", im");
    await user.click(screen.getByRole("button", { name: "Save shipping method" }));

    await vi.waitFor(() => expect(gateway.requests.some((r) => r.method === "PUT")).toBe(true));
    const put = gateway.requests.find((r) => r.method === "PUT");
    expect(put?.body).toEqual({
      name: "Express delivery", zone: "United Kingdom", countries: ["GB", "IM"], rateKind: "Flat", flatFee: 8.95, bands: [], freeOver: null,
      minDays: 1, maxDays: 1, sortOrder: 20, active: true, version: 41,
    });
  });

  it("creates a banded method and shows the server's field error beside its field", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/shipping-methods": { body: [] },
      "PUT /api/orders/admin/shipping-methods/eu-heavy": invalid({ bands: ["Two bands cannot end at the same upTo."] }),
    });
    const user = userEvent.setup();
    renderPage(<AdminShippingPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "New shipping method" }));
    await user.type(screen.getByLabelText("Code"), "eu-heavy");
    await user.type(screen.getByLabelText("Name"), "Heavy goods");
    await user.type(screen.getByLabelText("Zone"), "Europe");
    await user.type(screen.getByLabelText("Countries"), "FR, DE");
    await user.selectOptions(screen.getByLabelText("Rate"), "WeightBand");
    await user.type(screen.getByLabelText("Bands"), "2000: 9.95\n2000: 12.95");
    await user.type(screen.getByLabelText("Delivery days, earliest"), "3");
    await user.type(screen.getByLabelText("Delivery days, latest"), "5");
    await user.click(screen.getByRole("button", { name: "Save shipping method" }));

    const bands = screen.getByLabelText("Bands");
    expect(await screen.findByText("Two bands cannot end at the same upTo.")).toHaveAttribute("id", "shipping-bands-error");
    expect(bands).toHaveAttribute("aria-invalid", "true");
    expect(bands.getAttribute("aria-describedby")).toContain("shipping-bands-error");
    expect(screen.getByRole("alert")).toHaveTextContent("each error is shown beside its field");
    const put = gateway.requests.find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({ countries: ["FR", "DE"], rateKind: "WeightBand", flatFee: null, minDays: 3, maxDays: 5, version: null,
      bands: [{ upTo: 2000, fee: 9.95 }, { upTo: 2000, fee: 12.95 }] });
  });

  it("says plainly when someone else changed the method meanwhile", async () => {
    fakeGateway({
      "GET /api/orders/admin/shipping-methods": { body: [express] },
      "PUT /api/orders/admin/shipping-methods/uk-express": { status: 409, body: "Someone else changed this shipping method; reload it and apply your change again." },
    });
    const user = userEvent.setup();
    renderPage(<AdminShippingPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "Edit Express delivery" }));
    await user.click(screen.getByRole("button", { name: "Save shipping method" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Someone else changed this shipping method while you were editing it.");
  });
});

describe("AdminPromotionsPage", () => {
  it("lists codes with type, value, scope, limits and uses so far", async () => {
    fakeGateway({ "GET /api/orders/admin/promotions": { body: [toys] }, "GET /api/products/categories": { body: [] } });
    renderPage(<AdminPromotionsPage />, { user: admin });

    const row = await screen.findByTestId("promotion-TOYS10");
    expect(row).toHaveTextContent("Percentage off");
    expect(row).toHaveTextContent("10%");
    expect(row).toHaveTextContent("toys");
    expect(row).toHaveTextContent("100 in all, 1 per customer");
    expect(within(row).getByTestId("promotion-uses")).toHaveTextContent("7");
  });

  it("says there are no promotions yet instead of showing a table without rows", async () => {
    fakeGateway({ "GET /api/orders/admin/promotions": { body: [] }, "GET /api/products/categories": { body: [] } });
    renderPage(<AdminPromotionsPage />, { user: admin });

    expect(await screen.findByText("No promotions yet.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("creates a category-scoped code with the request Orders expects", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/promotions": { body: [] },
      "GET /api/products/categories": { body: [{ id: 1, name: "Toys", slug: "toys", parentSlug: null }, { id: 2, name: "Kitchen", slug: "kitchen", parentSlug: null }] },
      "PUT /api/orders/admin/promotions/SPRING5": (r) => ({ status: 201, body: { ...toys, ...(r.body as object), code: "SPRING5", timesUsed: 0, version: 1 } }),
    });
    const user = userEvent.setup();
    renderPage(<AdminPromotionsPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "New promotion" }));
    await user.type(screen.getByLabelText("Code"), "SPRING5");
    await user.type(screen.getByLabelText("Description"), "£5 off toys");
    await user.selectOptions(screen.getByLabelText("Type"), "FixedAmount");
    await user.type(screen.getByLabelText("Amount off"), "5");
    await user.type(screen.getByLabelText("Minimum spend"), "20");
    await user.click(await screen.findByRole("checkbox", { name: "Toys" }));
    await user.type(screen.getByLabelText("Uses per customer"), "1");
    await user.click(screen.getByRole("button", { name: "Save promotion" }));

    await vi.waitFor(() => expect(gateway.requests.some((r) => r.method === "PUT")).toBe(true));
    expect(gateway.requests.find((r) => r.method === "PUT")?.body).toEqual({
      description: "£5 off toys", automatic: false, kind: "FixedAmount", value: 5, minimumSpend: 20, productIds: [], categorySlugs: ["toys"],
      startsAt: null, endsAt: null, usageLimit: null, perCustomerLimit: 1, active: true, version: null,
    });
  });

  it("shows a 400's field error next to its field and announces it", async () => {
    fakeGateway({
      "GET /api/orders/admin/promotions": { body: [toys] },
      "GET /api/products/categories": { body: [] },
      "PUT /api/orders/admin/promotions/TOYS10": invalid({ value: ["A percentage is above 0 and at most 100."] }),
    });
    const user = userEvent.setup();
    renderPage(<AdminPromotionsPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "Edit TOYS10" }));
    const value = screen.getByLabelText("Percent off");
    await user.clear(value);
    await user.type(value, "150");
    await user.click(screen.getByRole("button", { name: "Save promotion" }));

    expect(await screen.findByText("A percentage is above 0 and at most 100.")).toHaveAttribute("id", "promotion-value-error");
    expect(value).toHaveAttribute("aria-invalid", "true");
    expect(value.getAttribute("aria-describedby")).toContain("promotion-value-error");
    expect(screen.getByRole("alert")).toHaveTextContent("Some fields need correcting");
  });
});

describe("StockPanel", () => {
  const id = "00000000-0000-4000-8000-0000000000aa";
  const level = { productId: id, sku: "MUG-1", name: "Mug", available: 3, reserved: 1, sold: 5, reorderLevel: 2 };
  const mug = { id, sku: "MUG-1", name: "Mug" } as Parameters<typeof StockPanel>[0]["product"];

  it("shows a refused change as refused, names why, and keeps the level Products still has", async () => {
    const gateway = fakeGateway({
      [`GET /api/products/${id}/stock`]: { body: level },
      [`GET /api/products/${id}/stock/adjustments`]: { body: [] },
      [`POST /api/products/${id}/stock/adjustments`]: invalid({ delta: ["The change would take available stock below zero."] }),
    });
    const user = userEvent.setup();
    renderPage(<StockPanel product={mug} onDone={vi.fn()} />, { user: admin });
    expect(await screen.findByText(/Available 3 · reserved 1/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Change (+ or −)"), "-10");
    await user.click(screen.getByRole("button", { name: "Adjust stock" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Stock not changed: The change would take available stock below zero.");
    expect(screen.getByLabelText("Change (+ or −)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Change (+ or −)")).toHaveValue(-10);
    expect(screen.getByText(/Available 3 · reserved 1/)).toBeInTheDocument();
    expect(screen.queryByText(/Stock changed/)).not.toBeInTheDocument();
    expect(gateway.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("shows an accepted change with the level Products answers", async () => {
    let available = 3;
    fakeGateway({
      [`GET /api/products/${id}/stock`]: () => ({ body: { ...level, available } }),
      [`GET /api/products/${id}/stock/adjustments`]: { body: [] },
      [`POST /api/products/${id}/stock/adjustments`]: () => {
        available = 8;
        return { status: 201, body: { id: 1, at: "2026-11-25T10:00:00Z", actor: "admin-1", delta: 5, reason: "Received", availableAfter: 8 } };
      },
    });
    const user = userEvent.setup();
    renderPage(<StockPanel product={mug} onDone={vi.fn()} />, { user: admin });
    await screen.findByText(/Available 3 ·/);
    await user.type(screen.getByLabelText("Change (+ or −)"), "5");
    await user.click(screen.getByRole("button", { name: "Adjust stock" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Stock changed by +5: 8 available.");
    expect(await screen.findByText(/Available 8 ·/)).toBeInTheDocument();
  });
});
