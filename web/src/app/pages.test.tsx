import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cartLine, fakeCart } from "../test/fakeCart";
import { fakeGateway, productDetail, renderPage, shopper } from "../test/render";
import { CartPage } from "../features/cart/CartPage";
import CheckoutPage from "../features/checkout/CheckoutPage";
import OrderPage, { orderPollInterval } from "../features/orders/OrderPage";
import { cancellationMessage } from "../features/orders/orderWords";
import { ApiError } from "../shared/api/http";
import type { OrderDetail, OrderStatus } from "../features/orders/api";
import { ProductPage } from "../features/catalog/product/ProductPage";
import { CatalogPage } from "../features/catalog/CatalogPage";
import { userKeys } from "../features/account/queryKeys";

const savedAddress = {
  id: "a1", label: "Home", recipient: "Ada", line1: "1 High St", line2: null, city: "Leeds", postcode: "LS1 1AA",
  region: null, country: "GB", phone: null, isDefaultShipping: true, isDefaultBilling: true,
};

afterEach(() => vi.unstubAllGlobals());

describe("ProductPage", () => {
  it("adds the chosen quantity to the cart", async () => {
    const cart = fakeCart();
    fakeGateway({ "GET /api/products/by-slug/enamel-mug": { body: productDetail() }, ...cart.routes });
    const user = userEvent.setup();
    renderPage(<ProductPage />, { route: "/products/enamel-mug", path: "/products/:idOrSlug" });
    await screen.findByRole("heading", { name: "Enamel mug" });
    const quantity = screen.getByLabelText("Quantity");
    await user.clear(quantity);
    await user.type(quantity, "3");
    await user.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(await screen.findByText("Added to your cart.")).toBeInTheDocument();
    expect(cart.lines().map((l) => [l.productId, l.quantity])).toEqual([["p1", 3]]);
  });

  it("does not offer an out-of-stock product", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    fakeGateway({ [`GET /api/products/${id}`]: { body: productDetail({ id, available: 0 }) } });
    renderPage(<ProductPage />, { route: `/products/${id}`, path: "/products/:idOrSlug" });
    expect(await screen.findByRole("button", { name: "Add to cart" })).toBeDisabled();
    expect(screen.getAllByText("Out of stock").length).toBeGreaterThan(0);
  });

  it("says so when the product does not exist", async () => {
    fakeGateway({});
    renderPage(<ProductPage />, { route: "/products/nope", path: "/products/:idOrSlug" });
    expect(await screen.findByRole("heading", { name: "Product not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the catalog" })).toHaveAttribute("href", "/catalog");
  });
});

describe("CatalogPage", () => {
  const mug = { id: "p1", sku: "MUG-1", name: "Mug", slug: "mug", brand: "Acme", category: "Kitchen", currency: "GBP", price: 8, inStock: true, imageUrl: null, rating: null, reviews: 0 };
  const page = {
    items: [mug], next: null,
    facets: { total: 1, inStock: 1, priceRanges: [], brands: [{ slug: "acme", name: "Acme", count: 1 }], categories: [{ slug: "kitchen", name: "Kitchen", count: 1 }] },
  };

  it("opens the filters from a Filters button (a drawer on a phone) and gives focus back when they close", async () => {
    fakeGateway({ "GET /api/products": { body: page } });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog", path: "/catalog" });
    const toggle = await screen.findByRole("button", { name: "Filters" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveAttribute("aria-controls", "catalog-filters");
    await user.click(toggle);
    const filters = screen.getByRole("complementary", { name: "Filters" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(filters).toHaveClass("open");
    expect(filters).toHaveFocus();
    await user.click(within(filters).getByRole("checkbox", { name: "In stock only" }));
    await user.click(await within(filters).findByRole("button", { name: "Show 1 product" }));
    expect(filters).not.toHaveClass("open");
    expect(screen.getByRole("button", { name: "Filters (1)" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Filters (1)" }));
    await user.keyboard("{Escape}");
    expect(filters).not.toHaveClass("open");
  });
});

describe("CartPage", () => {
  it("shows Orders' price change and its quote: the total with delivery and the VAT inside it", async () => {
    const cart = fakeCart([cartLine({ quantity: 2, unitPrice: 12, priceChanged: true, previousPrice: 10 })]);
    fakeGateway(cart.routes);
    renderPage(<CartPage />);
    expect(await screen.findByText(/Price went up from £10.00/)).toBeInTheDocument();
    expect(screen.getByText(/Subtotal/)).toHaveTextContent("£24.00");
    expect(await screen.findByTestId("quote-total")).toHaveTextContent("£28.95");
    expect(screen.getByText(/Includes VAT of/)).toHaveTextContent("£4.83");
    expect(screen.getByRole("button", { name: "Check out" })).toBeEnabled();
  });

  it("lets the shopper retype a quantity without losing the line, and the server prices it", async () => {
    const cart = fakeCart([cartLine({ quantity: 2 })]);
    const gateway = fakeGateway(cart.routes);
    const user = userEvent.setup();
    renderPage(<CartPage />);
    const box = await screen.findByRole("spinbutton", { name: "Quantity of Enamel mug" });
    await user.clear(box);
    expect(cart.lines()[0]?.quantity).toBe(2);
    await user.type(box, "5");
    await waitFor(() => expect(cart.lines()[0]?.quantity).toBe(5));
    expect(await screen.findByText(/Subtotal/)).toHaveTextContent("£50.00");
    expect(gateway.requests.filter((r) => r.method === "PUT").map((r) => r.body)).toEqual([{ quantity: 5 }]);
  });

  it("blocks checkout when an item is no longer available", async () => {
    fakeGateway(fakeCart([cartLine({ available: false })]).routes);
    renderPage(<CartPage />);
    expect(await screen.findByText(/Not available/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check out" })).toBeDisabled();
  });
});

const simulatedPayments = {
  "GET /api/payments/config": {
    body: { provider: "simulated", simulated: true, publishableKey: null, testPaymentMethods: [{ id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" }] },
  },
};

describe("CheckoutPage", () => {
  it("offers sign-in and sign-up to a signed-out shopper and keeps the cart", async () => {
    const gateway = fakeGateway(fakeCart([cartLine()]).routes);
    const { auth } = renderPage(<CheckoutPage />);
    await userEvent.click(screen.getByRole("button", { name: "Create an account" }));
    expect(auth.signUp).toHaveBeenCalledWith("/checkout");
    expect(gateway.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("places the server cart with the quote shown, retrying a failed submit with the same Idempotency-Key", async () => {
    const cart = fakeCart([cartLine({ quantity: 2 })]);
    let attempts = 0;
    const gateway = fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "POST /api/orders": () => (++attempts === 1 ? { status: 503 } : { status: 201, body: { id: "o1", status: "Pending" } }),
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await screen.findByRole("radio", { name: /Home: Ada/ });
    await screen.findByRole("radio", { name: /Visa/ });
    expect(screen.getByText("simulated")).toBeInTheDocument();
    // 2 × £10 + £4.95 standard delivery, VAT included: the total the order will charge.
    expect(await screen.findByTestId("quote-total")).toHaveTextContent("£24.95");
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your order was not placed");
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const checkouts = gateway.requests.filter((r) => r.url === "/api/orders" && r.method === "POST");
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]?.headers["Idempotency-Key"]).toBeTruthy();
    expect(checkouts[1]?.headers["Idempotency-Key"]).toBe(checkouts[0]?.headers["Idempotency-Key"]);
    expect(checkouts[0]?.body).toEqual({
      addressId: "a1", paymentMethod: "pm_card_visa", shippingMethod: "uk-standard", quoteFingerprint: cart.quote("").fingerprint,
    });
  });

  it("charges the shipping method the shopper picks, at the quote it shows", async () => {
    const cart = fakeCart([cartLine({ quantity: 1 })]);
    const gateway = fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "POST /api/orders": { status: 201, body: { id: "o1", status: "Pending" } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await user.click(await screen.findByRole("radio", { name: /Express delivery: £7.95/ }));
    await waitFor(() => expect(screen.getByTestId("quote-total")).toHaveTextContent("£17.95"));
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const body = gateway.requests.find((r) => r.url === "/api/orders")?.body as { shippingMethod: string; quoteFingerprint: string };
    expect(body).toMatchObject({ shippingMethod: "uk-express", quoteFingerprint: cart.quote("shippingMethod=uk-express").fingerprint });
  });

  it("shows the new total when the quote changed and places the order only when asked again", async () => {
    const cart = fakeCart([cartLine({ quantity: 1 })]);
    const fresh = { ...cart.quote(""), total: 15.95, totalMinor: 1595, fingerprint: "b".repeat(32) };
    let attempts = 0;
    const gateway = fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "POST /api/orders": () =>
        ++attempts === 1 ? { status: 409, body: { title: "The total changed since you saw it.", status: 409, quote: fresh } } : { status: 201, body: { id: "o1", status: "Pending" } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    expect(await screen.findByTestId("quote-total")).toHaveTextContent("£14.95");
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The total changed from £14.95 to £15.95");
    expect(screen.getByTestId("quote-total")).toHaveTextContent("£15.95");
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const bodies = gateway.requests.filter((r) => r.url === "/api/orders").map((r) => (r.body as { quoteFingerprint: string }).quoteFingerprint);
    expect(bodies).toEqual([cart.quote("").fingerprint, "b".repeat(32)]);
  });

  it("applies a discount code to the quote and places the order with it; a refused code is said beside the field", async () => {
    const cart = fakeCart([cartLine({ quantity: 2 })]);
    const gateway = fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "GET /api/orders/cart/quote": (r) =>
        r.url.includes("code=NOPE")
          ? { status: 400, body: { title: "Validation failed", errors: { discountCode: ["This code is not valid."] } } }
          : r.url.includes("code=TEN")
            ? { body: { ...cart.quote(""), discount: 2, discountCode: "TEN", discountDescription: "10% off", total: 22.95, totalMinor: 2295, fingerprint: "c".repeat(32) } }
            : { body: cart.quote("") },
      "POST /api/orders": { status: 201, body: { id: "o1", status: "Pending" } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    expect(await screen.findByTestId("quote-total")).toHaveTextContent("£24.95");
    await user.type(screen.getByLabelText("Code"), "NOPE");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("This code is not valid.")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Code"));
    await user.type(screen.getByLabelText("Code"), "TEN");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(screen.getByTestId("quote-total")).toHaveTextContent("£22.95"));
    expect(screen.getByText("10% off applied.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    expect(gateway.requests.find((r) => r.url === "/api/orders")?.body).toMatchObject({ discountCode: "TEN", quoteFingerprint: "c".repeat(32) });
  });

  it("saves a new address to the address book and marks the book's list out of date, so it shows there without a reload", async () => {
    const gateway = fakeGateway({
      ...fakeCart([cartLine()]).routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [] },
      "POST /api/users/me/addresses": { status: 201, body: { ...savedAddress, id: "a9", isDefaultShipping: false, isDefaultBilling: false } },
      "POST /api/orders": { status: 201, body: { id: "o1", status: "Pending" } },
    });
    const user = userEvent.setup();
    const { client } = renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await user.type(await screen.findByLabelText("Full name"), "Ada");
    await user.type(screen.getByLabelText("Address line 1"), "1 High St");
    await user.type(screen.getByLabelText("Town or city"), "Leeds");
    await user.type(screen.getByLabelText("Postcode"), "LS1 1AA");
    await screen.findByRole("radio", { name: /Visa/ });
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    expect(client.getQueryState(userKeys.addresses())?.isInvalidated).toBe(false);
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    expect(gateway.requests.find((r) => r.url === "/api/orders")?.body).toMatchObject({ addressId: "a9" });
    expect(client.getQueryState(userKeys.addresses())?.isInvalidated).toBe(true);
  });

  it("sends a new address inline when the shopper chooses not to save it", async () => {
    const gateway = fakeGateway({
      ...fakeCart([cartLine()]).routes,
      ...simulatedPayments,
      "GET /api/users/me/addresses": { body: [] },
      "POST /api/orders": { status: 400, body: { title: "Validation failed", errors: { "shippingAddress.postcode": ["postcode is required."] } } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await user.type(await screen.findByLabelText("Full name"), "Ada");
    await user.type(screen.getByLabelText("Address line 1"), "1 High St");
    await user.type(screen.getByLabelText("Town or city"), "Leeds");
    await user.type(screen.getByLabelText("Postcode"), "X");
    await user.click(screen.getByRole("checkbox", { name: "Save to my address book" }));
    await screen.findByRole("radio", { name: /Visa/ });
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText("postcode is required.")).toBeInTheDocument();
    expect(screen.getByLabelText("Postcode")).toHaveAttribute("aria-invalid", "true");
    const body = gateway.requests.find((r) => r.url === "/api/orders")?.body as { shippingAddress: { recipient: string; postcode: string } };
    expect(body.shippingAddress).toMatchObject({ recipient: "Ada", postcode: "X", country: "GB" });
    expect(gateway.requests.some((r) => r.url === "/api/users/me/addresses" && r.method === "POST")).toBe(false);
  });
});

describe("OrderPage", () => {
  it("shows a clear message when the payment was declined", async () => {
    fakeGateway({
      "GET /api/orders/o1": {
        body: {
          id: "o1", status: "Cancelled", createdAt: "2026-11-01T10:00:00Z", currency: "GBP", subtotal: 20, shipping: 0, tax: 0, total: 20,
          paymentMethod: "pm_card_chargeDeclined", trackingNumber: null, cancellationReason: "Payment failed: card_declined", wasPaid: false, refundedAt: null,
          lines: [], shippingAddress: { recipient: "Ada", line1: "1 High St", city: "Leeds", postcode: "LS1", country: "GB" },
          pricesIncludeTax: true, discount: 0, discountCode: null, taxes: [{ rate: 0.2, net: 16.67, tax: 3.33 }],
          shippingMethod: { code: "uk-standard", name: "Standard delivery", earliestDelivery: "2026-11-03", latestDelivery: "2026-11-05" },
          history: [{ from: "Pending", to: "Cancelled", trigger: "PaymentFailed", actor: "system", reason: "Payment failed: card_declined", at: "2026-11-01T10:00:02Z" }],
          shipments: [], returns: [], deliveredAt: null, returnsOpenUntil: null,
        },
      },
    });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o1", path: "/orders/:id" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your payment was declined");
    expect(screen.queryByRole("button", { name: "Cancel order" })).not.toBeInTheDocument();
  });

  it("shows how much of a paid order has been refunded", async () => {
    fakeGateway({
      "GET /api/orders/o2": {
        body: {
          id: "o2", status: "Paid", createdAt: "2026-11-01T10:00:00Z", currency: "GBP", subtotal: 20, shipping: 0, tax: 0, total: 20,
          paymentMethod: "pm_card_visa", trackingNumber: null, cancellationReason: null, wasPaid: true, refundedAt: "2026-11-02T09:00:00Z",
          lines: [], shippingAddress: { recipient: "Ada", line1: "1 High St", city: "Leeds", postcode: "LS1", country: "GB" },
          pricesIncludeTax: true, discount: 0, discountCode: null, taxes: [{ rate: 0.2, net: 16.67, tax: 3.33 }],
          shippingMethod: { code: "uk-standard", name: "Standard delivery", earliestDelivery: "2026-11-03", latestDelivery: "2026-11-05" },
          history: [{ from: "Pending", to: "Paid", trigger: "PaymentSucceeded", actor: "payments", reason: null, at: "2026-11-01T10:00:02Z" }],
          shipments: [], returns: [], deliveredAt: null, returnsOpenUntil: null,
        },
      },
      "GET /api/payments/me/orders/o2": {
        body: { orderId: "o2", status: "Captured", amountMinor: 2000, currency: "GBP", capturedMinor: 2000, refundedMinor: 550, failureReason: null, provider: "simulated", simulated: true },
      },
    });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o2", path: "/orders/:id" });
    expect(await screen.findByTestId("order-refund")).toHaveTextContent("Refunded: £5.50 of £20.00 paid (first refund 02/11/2026).");
    // The order's own tax breakdown: VAT inside a tax-inclusive total, by rate.
    expect(screen.getByText("Includes VAT at 20%").nextElementSibling).toHaveTextContent("£3.33");
    expect(screen.getByText("Standard delivery")).toBeInTheDocument();
  });

  it("explains a stock rejection differently from a decline", () => {
    expect(cancellationMessage({ status: "Cancelled", cancellationReason: "Stock rejected", history: [] })).toMatch(/sold out/);
    expect(cancellationMessage({ status: "Paid", cancellationReason: null, history: [] })).toBeNull();
    expect(cancellationMessage({ status: "Cancelled", cancellationReason: "cancelled by the store: Damaged in the warehouse", history: [] })).toBe(
      "The store cancelled this order: Damaged in the warehouse",
    );
    expect(cancellationMessage({ status: "Cancelled", cancellationReason: "payment failed: authentication_required", history: [] })).toMatch(/bank could not confirm.*not been charged/);
  });

  it("says plainly that an unknown order cannot be found, links to the shopper's orders, and stops asking", async () => {
    const { requests } = fakeGateway({ "GET /api/orders/missing": { status: 404, body: { title: "Not Found", status: 404 } } });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/missing", path: "/orders/:id" });
    expect(await screen.findByRole("heading", { name: "We couldn't find that order" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See your orders" })).toHaveAttribute("href", "/orders");
    expect(document.body).not.toHaveTextContent("Not Found");
    await new Promise((r) => setTimeout(r, 2500));
    expect(requests.filter((r) => r.url === "/api/orders/missing")).toHaveLength(1);
  });

  it("polls while the saga runs and stops on a final state or an answer that will not change", () => {
    const order = (status: OrderStatus, returns: { status: string }[] = []) => ({ ...paidOrder("o"), status, returns }) as unknown as OrderDetail;
    expect(orderPollInterval(undefined, undefined)).toBe(1000);
    expect(orderPollInterval(order("Pending"), null)).toBe(250);
    expect(orderPollInterval(order("StockReserved"), null)).toBe(250);
    for (const settled of ["Paid", "Shipped", "Delivered", "Cancelled", "AwaitingPayment"] as const) expect(orderPollInterval(order(settled), null)).toBe(false);
    expect(orderPollInterval(order("Delivered", [{ status: "Received" }]), null)).toBe(1000);
    expect(orderPollInterval(undefined, new ApiError(404, { title: "Not Found", status: 404 }))).toBe(false);
    expect(orderPollInterval(undefined, new ApiError(403, { title: "Forbidden", status: 403 }))).toBe(false);
    expect(orderPollInterval(undefined, new ApiError(503, { title: "Unavailable", status: 503 }))).toBe(1000);
  });

  it("asks before cancelling a paid order, naming the refund, and cancels only when confirmed", async () => {
    const { requests } = fakeGateway({
      "GET /api/orders/o5": { body: paidOrder("o5") },
      "GET /api/payments/me/orders/o5": { body: { orderId: "o5", status: "Captured", amountMinor: 2000, currency: "GBP", capturedMinor: 2000, refundedMinor: 0, failureReason: null, provider: "simulated", simulated: true } },
      "POST /api/orders/o5/cancel": { status: 200, body: { ...paidOrder("o5"), status: "Cancelled" } },
    });
    const user = userEvent.setup();
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o5", path: "/orders/:id" });
    await user.click(await screen.findByRole("button", { name: "Cancel order" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog).toHaveTextContent("Cancel this order? We will refund £20.00 to your payment method.");
    await user.click(within(dialog).getByRole("button", { name: "Keep my order" }));
    expect(screen.getByRole("button", { name: "Cancel order" })).toHaveFocus();
    expect(requests.some((r) => r.method === "POST")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Cancel order" }));
    await user.click(screen.getByRole("button", { name: "Yes, cancel order" }));
    await waitFor(() => expect(requests.filter((r) => r.method === "POST" && r.url.includes("/api/orders/o5/cancel"))).toHaveLength(1));
  });

  const paidOrder = (id: string) => ({
    id, number: 100247, status: "Paid", createdAt: "2026-11-01T10:00:00Z", currency: "GBP", subtotal: 20, shipping: 0, tax: 0, total: 20,
    paymentMethod: "pm_card_chargeDeclined", trackingNumber: null, cancellationReason: null, wasPaid: true, refundedAt: null,
    lines: [], shippingAddress: { recipient: "Ada", line1: "1 High St", city: "Leeds", postcode: "LS1", country: "GB" },
    pricesIncludeTax: true, discount: 0, discountCode: null, taxes: [],
    shippingMethod: { code: "uk-standard", name: "Standard delivery", earliestDelivery: null, latestDelivery: null },
    history: [], paymentAttempts: 1, stockHeldUntil: null, shipments: [], returns: [], deliveredAt: null, returnsOpenUntil: null,
  });

  it("reads an order in flight once at once, then waits on the server for it to move on instead of polling", async () => {
    let reads = 0;
    const { requests } = fakeGateway({
      "GET /api/orders/o7": () => ({ body: ++reads === 1 ? { ...paidOrder("o7"), status: "Pending", wasPaid: false } : paidOrder("o7") }),
      "GET /api/payments/me/orders/o7": {
        body: { orderId: "o7", status: "Captured", amountMinor: 2000, currency: "GBP", capturedMinor: 2000, refundedMinor: 0, failureReason: null, provider: "simulated", simulated: true, attempt: 1, clientSecret: null },
      },
    });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o7", path: "/orders/:id" });
    await waitFor(() => expect(requests.filter((r) => r.url === "/api/orders/o7")).toHaveLength(2));
    const [first, second] = requests.filter((r) => r.url === "/api/orders/o7");
    expect(first?.headers.Prefer).toBeUndefined();
    expect(second?.headers.Prefer).toBe("wait=10");
    await new Promise((r) => setTimeout(r, 1500));
    // Paid is settled: no more reads.
    expect(requests.filter((r) => r.url === "/api/orders/o7")).toHaveLength(2);
  });

  it("offers to pay again after a decline, says until when the items are held, and sends the new method", async () => {
    const { requests } = fakeGateway({
      "GET /api/orders/o3": {
        body: {
          ...paidOrder("o3"), status: "AwaitingPayment", wasPaid: false, paymentAttempts: 1, stockHeldUntil: "2026-11-02T10:15:00Z",
          history: [{ from: "StockReserved", to: "AwaitingPayment", trigger: "PaymentDeclined", actor: "payments", reason: "payment failed: card_declined", at: "2026-11-02T10:00:00Z" }],
        },
      },
      "GET /api/payments/me/orders/o3": {
        body: { orderId: "o3", status: "Failed", amountMinor: 2000, currency: "GBP", capturedMinor: 0, refundedMinor: 0, failureReason: "card_declined", provider: "simulated", simulated: true, attempt: 1, clientSecret: null },
      },
      "GET /api/payments/config": {
        body: { provider: "simulated", simulated: true, publishableKey: null, testPaymentMethods: [{ id: "pm_card_visa", label: "Visa (succeeds)", outcome: "Payment succeeds." }, { id: "pm_card_mastercard", label: "Mastercard (succeeds)", outcome: "Payment succeeds." }] },
      },
      "POST /api/orders/o3/payment": { status: 202, body: { ...paidOrder("o3"), status: "StockReserved", paymentAttempts: 2 } },
    });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o3", path: "/orders/:id" });

    expect(await screen.findByRole("alert")).toHaveTextContent(/Your payment was declined by your bank\. You have not been charged\. We are holding your items until \d\d:\d\d\./);
    await userEvent.click(await screen.findByRole("radio", { name: /Mastercard/ }));
    await userEvent.click(screen.getByRole("button", { name: "Pay now" }));
    await waitFor(() => expect(requests).toContainEqual(expect.objectContaining({ method: "POST", url: expect.stringContaining("/api/orders/o3/payment"), body: { paymentMethod: "pm_card_mastercard" } })));
  });

  it("shows the simulated bank's check while a payment needs 3-D Secure and sends the shopper's answer", async () => {
    const { requests } = fakeGateway({
      "GET /api/orders/o4": { body: { ...paidOrder("o4"), status: "StockReserved", wasPaid: false, history: [] } },
      "GET /api/payments/me/orders/o4": {
        body: { orderId: "o4", status: "RequiresAction", amountMinor: 2000, currency: "GBP", capturedMinor: 0, refundedMinor: 0, failureReason: null, provider: "simulated", simulated: true, attempt: 1, clientSecret: "pi_sim_secret" },
      },
      "GET /api/payments/config": { body: { provider: "simulated", simulated: true, publishableKey: null, testPaymentMethods: [] } },
      "POST /api/payments/me/orders/o4/simulated-challenge": {
        body: { orderId: "o4", status: "Captured", amountMinor: 2000, currency: "GBP", capturedMinor: 2000, refundedMinor: 0, failureReason: null, provider: "simulated", simulated: true, attempt: 1, clientSecret: null },
      },
    });
    renderPage(<OrderPage />, { user: shopper, route: "/orders/o4", path: "/orders/:id" });

    const challenge = await screen.findByRole("dialog", { name: "Confirm this payment with your bank" });
    await userEvent.click(within(challenge).getByRole("button", { name: "Fail the check" }));
    await waitFor(() => expect(requests).toContainEqual(expect.objectContaining({ method: "POST", url: expect.stringContaining("/api/payments/me/orders/o4/simulated-challenge"), body: { outcome: "fail" } })));
  });
});
