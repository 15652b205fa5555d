import type { components } from "../../../api/generated/notifications";
import { query, request, type Page, type PageQuery, type RequestBody } from "../../../shared/api/http";

// Notifications service (services/Notifications), back office only: the message log of what was mailed to a customer,
// and the outbound webhooks (receivers, their deliveries, a redelivery by hand). The shapes are generated from its
// OpenAPI document (openapi/notifications.json, npm run api:types).

type Schemas = components["schemas"];

/** One mail to a customer: its template, recipient, subject, where it stands (queued, sent, failed) and its attempts. */
export type MessageLogEntry = Schemas["MessageLogEntry"];

export type MailStatus = Schemas["MailStatus"];

/** A registered receiver; `secret` is only in the answer to the registration, never again. */
export type WebhookEndpoint = Schemas["WebhookEndpointResponse"];

export type WebhookDelivery = Schemas["WebhookDeliveryResponse"];

export type WebhookDeliveryStatus = Schemas["WebhookDeliveryStatus"];

export type RegisterWebhook = RequestBody<Schemas["RegisterWebhookRequest"]>;

/** The words shown for each mail template (services/Notifications/Domain/MailTemplates.cs); an unknown one shows as is. */
const templateNames: Record<string, string> = {
  "order-confirmation": "Order confirmation",
  "payment-failed": "Payment failed",
  "order-shipped": "Order shipped",
  "order-delivered": "Order delivered",
  "refund-issued": "Refund issued",
  "return-requested": "Return requested",
  "return-approved": "Return approved",
  "return-rejected": "Return rejected",
  "return-received": "Return received",
  "password-reset": "Password reset",
  "email-confirmation": "E-mail confirmation",
  "account-deleted": "Account deleted",
};

export const templateName = (template: string): string => templateNames[template] ?? template;

/** Guest checkouts are logged under `guest:` and a hash of the e-mail address (ECommerce.Contracts.GuestCustomers). */
export const isGuestCustomer = (customerId: string): boolean => customerId.startsWith("guest:");

export const notificationsApi = {
  /** Newest first, cursor-paged. */
  messages: (customerId: string, page: PageQuery = {}) =>
    request<Page<MessageLogEntry>>(`/api/notifications/admin/customers/${encodeURIComponent(customerId)}/messages${query({ ...page })}`),
  webhookEventTypes: () => request<string[]>("/api/notifications/admin/webhooks/event-types"),
  webhooks: () => request<WebhookEndpoint[]>("/api/notifications/admin/webhooks"),
  registerWebhook: (body: RegisterWebhook) => request<WebhookEndpoint>("/api/notifications/admin/webhooks", { method: "POST", body }),
  deleteWebhook: (id: string) => request<void>(`/api/notifications/admin/webhooks/${id}`, { method: "DELETE" }),
  /** The endpoint's latest deliveries, newest first (at most 100). */
  deliveries: (id: string) => request<WebhookDelivery[]>(`/api/notifications/admin/webhooks/${id}/deliveries`),
  /** Sends the delivery again now, whatever its state, with a new retry window. */
  redeliver: (id: string, deliveryId: string) =>
    request<void>(`/api/notifications/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`, { method: "POST" }),
};
