import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MessageLogEntry, WebhookDelivery, WebhookEndpoint } from "./api/notifications";
import { formatOrderNumber } from "../orders/api";
import { admin, fakeGateway, renderPage } from "../../test/render";
import AdminMessagesPage from "./AdminMessagesPage";
import AdminOrdersPage from "./AdminOrdersPage";
import AdminWebhooksPage from "./AdminWebhooksPage";

afterEach(() => vi.unstubAllGlobals());

const messagesOf = (customer: string) => `GET /api/notifications/admin/customers/${encodeURIComponent(customer)}/messages`;

const message = (overrides: Partial<MessageLogEntry>): MessageLogEntry => ({
  key: "e1:order-confirmation", template: "order-confirmation", status: "Sent", recipient: "ada@example.com",
  subject: "Your order 100\u00a0245 is confirmed", orderId: "019ab3c4-d5e6-7f80-9a1b-3f9c0a1b2c4d", attempts: 1,
  createdAt: "2026-11-25T10:00:00Z", sentAt: "2026-11-25T10:00:01Z", nextAttemptAt: null, lastError: null, ...overrides,
});

const invalid = (errors: Record<string, string[]>) => ({ status: 400, body: { title: "One or more validation errors occurred.", status: 400, errors } });

describe("AdminMessagesPage", () => {
  it("lists what was mailed to the customer in the link: kind, subject, recipient, status with attempts, and times", async () => {
    const gateway = fakeGateway({
      [messagesOf("user-a")]: {
        body: {
          items: [
            message({ key: "e3:order-shipped", template: "order-shipped", status: "Queued", subject: null, recipient: null, attempts: 2, sentAt: null,
              nextAttemptAt: "2026-11-25T12:00:00Z", lastError: "SMTP server not reachable" }),
            message({ key: "e2:refund-issued", template: "refund-issued", status: "Failed", attempts: 30, sentAt: null, lastError: "Mailbox unavailable" }),
            message({}),
          ],
          next: null,
        },
      },
    });
    renderPage(<AdminMessagesPage />, { user: admin, route: "/admin/messages?customer=user-a", path: "/admin/messages" });

    const confirmation = await screen.findByTestId("message-order-confirmation");
    expect(confirmation).toHaveTextContent("Order confirmation");
    expect(confirmation).toHaveTextContent("Your order 100 245 is confirmed");
    expect(confirmation).toHaveTextContent("ada@example.com");
    expect(confirmation).toHaveTextContent("Sent1 attempt");
    const shipped = screen.getByTestId("message-order-shipped");
    expect(shipped).toHaveTextContent("Queued2 attempts · next");
    expect(shipped).toHaveTextContent("SMTP server not reachable");
    expect(shipped).toHaveTextContent("not known yet");
    const refund = screen.getByTestId("message-refund-issued");
    expect(refund).toHaveTextContent("Failed30 attempts");
    expect(refund).toHaveTextContent("Mailbox unavailable");
    expect(screen.getByLabelText("Customer id")).toHaveValue("user-a");
    expect(gateway.requests.map((r) => r.url)).toEqual(["/api/notifications/admin/customers/user-a/messages?limit=50"]);
  });

  it("looks up a pasted guest id (escaped in the path) and says when nothing was sent", async () => {
    const guest = "guest:9f86d081884c7d65";
    const gateway = fakeGateway({ [messagesOf(guest)]: { body: { items: [], next: null } } });
    const user = userEvent.setup();
    renderPage(<AdminMessagesPage />, { user: admin, route: "/admin/messages", path: "/admin/messages" });

    expect(screen.getByText(/Enter a customer id/)).toBeInTheDocument();
    expect(gateway.requests).toHaveLength(0);
    await user.type(screen.getByLabelText("Customer id"), `  ${guest} `);
    await user.click(screen.getByRole("button", { name: "Show messages" }));

    expect(await screen.findByText("No messages have been sent to this customer.")).toBeInTheDocument();
    expect(screen.getByText("Guest customer", { exact: false })).toBeInTheDocument();
    expect(gateway.requests.map((r) => r.url)).toEqual(["/api/notifications/admin/customers/guest%3A9f86d081884c7d65/messages?limit=50"]);
  });

  it("shows the service's reason for a refused id beside the field, and a plain sentence when the service is down", async () => {
    fakeGateway({
      [messagesOf("bad id")]: invalid({ customerId: ["A customer id is an account id or a guest id (guest:…)."] }),
      [messagesOf("user-a")]: { status: 503 },
    });
    const user = userEvent.setup();
    renderPage(<AdminMessagesPage />, { user: admin, route: "/admin/messages?customer=bad%20id", path: "/admin/messages" });

    const field = screen.getByLabelText("Customer id");
    expect(await screen.findByText("A customer id is an account id or a guest id (guest:…).")).toHaveAttribute("id", "customer-id-error");
    expect(field).toHaveAttribute("aria-invalid", "true");

    await user.clear(field);
    await user.type(field, "user-a");
    await user.click(screen.getByRole("button", { name: "Show messages" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The message log could not be read: The notifications service is not answering just now; try again in a moment.");
    expect(field).not.toHaveAttribute("aria-invalid");
  });
});

describe("AdminOrdersPage", () => {
  it("links an opened order to its customer's messages", async () => {
    const id = "019ab3c4-d5e6-7f80-9a1b-3f9c0a1b2c4d";
    const customerId = "guest:9f86d081884c7d65";
    fakeGateway({
      "GET /api/orders/admin/search": { body: { items: [{ id, number: 100245, status: "Paid", createdAt: "2026-11-25T10:00:00Z", itemCount: 1, total: 20, currency: "GBP", customerId }], next: null } },
      [`GET /api/orders/admin/${id}`]: {
        body: {
          id, number: 100245, customerId, status: "Paid", createdAt: "2026-11-25T10:00:00Z", currency: "GBP", subtotal: 20, shipping: 0, tax: 0, total: 20,
          paymentMethod: "pm_card_visa", trackingNumber: null, cancellationReason: null, wasPaid: true, refundedAt: null, lines: [],
          shippingAddress: { recipient: "Ada", line1: "1 High St", city: "Leeds", postcode: "LS1", country: "GB" }, pricesIncludeTax: true, discount: 0,
          discountCode: null, taxes: [], shippingMethod: { code: "uk-standard", name: "Standard delivery", earliestDelivery: null, latestDelivery: null },
          history: [], shipments: [], returns: [], deliveredAt: null, returnsOpenUntil: null,
        },
      },
    });
    const user = userEvent.setup();
    renderPage(<AdminOrdersPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: formatOrderNumber(100245) }));
    const link = await screen.findByRole("link", { name: "Messages to this customer" });
    expect(link).toHaveAttribute("href", "/admin/messages?customer=guest%3A9f86d081884c7d65");
    expect(link.parentElement).toHaveTextContent("a guest");
  });
});

const endpoint: WebhookEndpoint = { id: "11111111-1111-4111-8111-111111111111", url: "https://hooks.example.com/store", eventTypes: ["OrderPaid"], createdAt: "2026-11-25T10:00:00Z" };

const delivery = (overrides: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: "22222222-2222-4222-8222-222222222222", eventId: "33333333-3333-4333-8333-333333333333", eventType: "OrderPaid", status: "Failed", attempts: 9,
  lastStatusCode: 500, lastLatencyMs: 120, lastError: "HTTP 500", createdAt: "2026-11-25T10:00:00Z", deliveredAt: null, nextAttemptAt: null, ...overrides,
});

describe("AdminWebhooksPage", () => {
  it("registers an endpoint for the chosen event types and shows its secret once", async () => {
    const registered: WebhookEndpoint[] = [];
    const gateway = fakeGateway({
      "GET /api/notifications/admin/webhooks/event-types": { body: ["OrderPaid", "OrderShipped", "ReturnReceived"] },
      "GET /api/notifications/admin/webhooks": () => ({ body: registered }),
      "POST /api/notifications/admin/webhooks": (r) => {
        const body = r.body as { url: string; eventTypes: string[] };
        registered.push({ ...endpoint, url: body.url, eventTypes: body.eventTypes });
        return { status: 201, body: { ...registered[0], secret: "whsec_shown_once" } };
      },
    });
    const user = userEvent.setup();
    renderPage(<AdminWebhooksPage />, { user: admin });

    expect(await screen.findByText("No endpoints are registered.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Endpoint URL"), " https://hooks.example.com/store ");
    await user.click(await screen.findByRole("checkbox", { name: "OrderShipped" }));
    await user.click(screen.getByRole("checkbox", { name: "OrderPaid" }));
    await user.click(screen.getByRole("button", { name: "Register endpoint" }));

    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("whsec_shown_once");
    expect(screen.getByRole("status")).toHaveTextContent("it is shown only this once");
    expect(gateway.requests.find((r) => r.method === "POST")?.body).toEqual({ url: "https://hooks.example.com/store", eventTypes: ["OrderShipped", "OrderPaid"] });
    const row = await screen.findByTestId(`webhook-${endpoint.id}`);
    expect(row).toHaveTextContent("https://hooks.example.com/store");
    expect(row).toHaveTextContent("OrderShipped, OrderPaid");
    expect(row).not.toHaveTextContent("whsec_shown_once");
  });

  it("shows the service's field errors beside the URL and the event types", async () => {
    fakeGateway({
      "GET /api/notifications/admin/webhooks/event-types": { body: ["OrderPaid"] },
      "GET /api/notifications/admin/webhooks": { body: [] },
      "POST /api/notifications/admin/webhooks": invalid({
        url: ["The host resolves to a private, loopback or link-local address."], eventTypes: ["Name at least one event type."] }),
    });
    const user = userEvent.setup();
    renderPage(<AdminWebhooksPage />, { user: admin });

    await user.type(screen.getByLabelText("Endpoint URL"), "http://10.0.0.1/hook");
    await user.click(screen.getByRole("button", { name: "Register endpoint" }));

    expect(await screen.findByText("The host resolves to a private, loopback or link-local address.")).toHaveAttribute("id", "webhook-url-error");
    expect(screen.getByLabelText("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("group", { name: "Event types" })).toHaveAccessibleDescription("Name at least one event type.");
    expect(screen.getByRole("alert")).toHaveTextContent("each problem is shown beside its field");
  });

  it("deletes an endpoint only after the confirmation", async () => {
    let endpoints = [endpoint];
    const gateway = fakeGateway({
      "GET /api/notifications/admin/webhooks/event-types": { body: ["OrderPaid"] },
      "GET /api/notifications/admin/webhooks": () => ({ body: endpoints }),
      [`DELETE /api/notifications/admin/webhooks/${endpoint.id}`]: () => ((endpoints = []), { status: 204 }),
    });
    const user = userEvent.setup();
    renderPage(<AdminWebhooksPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: `Delete ${endpoint.url}` }));
    const confirm = screen.getByRole("group", { name: `Confirm deleting ${endpoint.url}` });
    await user.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(gateway.requests.some((r) => r.method === "DELETE")).toBe(false);

    await user.click(screen.getByRole("button", { name: `Delete ${endpoint.url}` }));
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await screen.findByText("No endpoints are registered.")).toBeInTheDocument();
    expect(gateway.requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
  });

  it("shows an endpoint's deliveries and redelivers one by hand", async () => {
    let pending = false;
    const gateway = fakeGateway({
      "GET /api/notifications/admin/webhooks/event-types": { body: ["OrderPaid"] },
      "GET /api/notifications/admin/webhooks": { body: [endpoint] },
      [`GET /api/notifications/admin/webhooks/${endpoint.id}/deliveries`]: () => ({
        body: [pending ? delivery({ status: "Pending", nextAttemptAt: "2026-11-25T12:00:00Z" }) : delivery({})],
      }),
      [`POST /api/notifications/admin/webhooks/${endpoint.id}/deliveries/22222222-2222-4222-8222-222222222222/redeliver`]: () => ((pending = true), { status: 202 }),
    });
    const user = userEvent.setup();
    renderPage(<AdminWebhooksPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: `Deliveries to ${endpoint.url}` }));
    const row = await screen.findByTestId("delivery-22222222-2222-4222-8222-222222222222");
    expect(row).toHaveTextContent("OrderPaid");
    expect(row).toHaveTextContent("Failed");
    expect(row).toHaveTextContent("HTTP 500 in 120 ms");
    expect(within(row).getAllByRole("cell")[2]).toHaveTextContent("9");

    await user.click(within(row).getByRole("button", { name: "Redeliver OrderPaid event 33333333" }));
    expect(await within(row).findByRole("status")).toHaveTextContent("Queued to be sent again.");
    await vi.waitFor(() => expect(row).toHaveTextContent("Pending"));
    expect(gateway.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});
