import type { components } from "../../api/generated/orders";
import { query, request, type Page, type PageQuery, type RequestBody } from "../../shared/api/http";
import { orderAccessHeader } from "../checkout";

// Orders service (services/Orders): the orders placed (checkout's own calls, which place them, are in
// features/checkout/api.ts); history is cursor-paged.
// The shapes are the service's own, generated from its OpenAPI document (openapi/orders.json, npm run api:types).

type Schemas = components["schemas"];

export type OrderStatus = Schemas["OrderStatus"];

export type { Page } from "../../shared/api/http";

export type OrderSummary = Schemas["OrderSummary"];

export type AdminOrderSummary = Schemas["AdminOrderSummary"];

export type OrderLine = Schemas["OrderLineView"];

export type OrderHistoryEntry = Schemas["OrderHistoryEntry"];

export type OrderDetail = Schemas["OrderDetail"];

/** A parcel of the order: its lines, the carrier and its tracking link, when it left and arrived. */
export type Shipment = Schemas["ShipmentView"];

/** A return of delivered items and where it stands (requested, approved, rejected, received, refunded). */
export type OrderReturn = Schemas["ReturnView"];

export type ReturnStatus = Schemas["ReturnStatus"];

export type Carrier = Schemas["CarrierView"];

export type PickList = Schemas["PickList"];

export type ReturnQueueEntry = Schemas["ReturnQueueEntry"];
/** A held order in the risk review queue: AI's score and its reasons in words (the back office only). */
export type HeldOrder = Schemas["HeldOrderView"];
/** Share of orders held and the model's precision on reviewed orders (rejected = true positive). */
export type RiskSummary = Schemas["RiskSummaryView"];
export type ReviewResult = Schemas["ReviewResultView"];

export type CreateShipment = RequestBody<Schemas["CreateShipmentRequest"]>;

export type RequestReturn = RequestBody<Schemas["RequestReturnRequest"]>;

/** The reasons a shopper can give for a return, as Orders accepts them (ReturnReasons), with the words shown. */
export const returnReasons: ReadonlyArray<readonly [string, string]> = [
  ["no_longer_needed", "No longer needed"],
  ["damaged", "Arrived damaged"],
  ["wrong_item", "Wrong item sent"],
  ["not_as_described", "Not as described"],
  ["arrived_late", "Arrived too late"],
  ["other", "Other"],
];

export type ShippingMethod = Schemas["ShippingMethodView"];

export type ShippingRateKind = Schemas["ShippingRateKind"];

export type SaveShippingMethod = RequestBody<Schemas["SaveShippingMethodRequest"]>;

export type Promotion = Schemas["PromotionView"];

export type PromotionKind = Schemas["PromotionKind"];

export type SavePromotion = RequestBody<Schemas["SavePromotionRequest"]>;


export interface AdminSearch extends PageQuery {
  /** The number the customer quotes ("100 245", "#100245"), the 12 hex characters older orders showed, or the whole id. */
  order?: string;
  status?: OrderStatus;
  customerId?: string;
  from?: string;
  to?: string;
}

/** RFC 7240's wait preference: Orders holds the read of an order in flight until the saga moves it on, or 10 s pass. */
const waitForOrder = { Prefer: "wait=10" };

/** Statuses the checkout saga moves the order on from without the shopper: a read of such an order may wait for it. */
export const inFlightStatuses: readonly OrderStatus[] = ["Pending", "StockReserved"];

export const ordersApi = {
  /** A guest's order, for whoever holds its link's access token; any other token is a 404. */
  guestGet: (id: string, access: string, wait = false) =>
    request<OrderDetail>(`/api/orders/guest/${id}`, { headers: { [orderAccessHeader]: access, ...(wait ? waitForOrder : {}) } }),
  /** A guest pays again by the order link's token. */
  guestRetryPayment: (id: string, access: string, paymentMethod: string) =>
    request<OrderDetail>(`/api/orders/guest/${id}/payment`, { method: "POST", body: { paymentMethod }, headers: { [orderAccessHeader]: access } }),
  mine: (cursor?: string) => request<Page<OrderSummary>>(`/api/orders${query({ limit: 20, cursor })}`),
  /** With `wait`, an order still being placed is answered once it has moved on (at most 10 s later), not at once. */
  get: (id: string, wait = false) => request<OrderDetail>(`/api/orders/${id}`, wait ? { headers: waitForOrder } : undefined),
  cancel: (id: string, reason?: string) => request<OrderDetail>(`/api/orders/${id}/cancel`, { method: "POST", body: { reason } }),
  /** Pays an order awaiting payment again, with another method; the charge follows (the order goes back to waiting). */
  retryPayment: (id: string, paymentMethod: string) =>
    request<OrderDetail>(`/api/orders/${id}/payment`, { method: "POST", body: { paymentMethod } }),
  adminSearch: (params: AdminSearch) => request<Page<AdminOrderSummary>>(`/api/orders/admin/search${query({ ...params })}`),
  adminGet: (id: string) => request<OrderDetail>(`/api/orders/admin/${id}`),
  ship: (id: string, trackingNumber: string) => request<OrderDetail>(`/api/orders/${id}/ship`, { method: "POST", body: { trackingNumber } }),
  deliver: (id: string) => request<OrderDetail>(`/api/orders/${id}/deliver`, { method: "POST" }),
  /** Asks to return delivered lines (as the order's customer, or a guest by the link's token). */
  requestReturn: (id: string, body: RequestReturn, access?: string) =>
    access
      ? request<OrderDetail>(`/api/orders/guest/${id}/returns`, { method: "POST", body, headers: { [orderAccessHeader]: access } })
      : request<OrderDetail>(`/api/orders/${id}/returns`, { method: "POST", body }),
  carriers: () => request<Carrier[]>("/api/orders/admin/carriers"),
  pickList: () => request<PickList>("/api/orders/admin/pick-list"),
  /** Ships some lines in one parcel; more than is left of a line is refused naming it. */
  createShipment: (id: string, body: CreateShipment) => request<OrderDetail>(`/api/orders/admin/${id}/shipments`, { method: "POST", body }),
  deliverShipment: (id: string, shipmentId: string) =>
    request<OrderDetail>(`/api/orders/admin/${id}/shipments/${shipmentId}/deliver`, { method: "POST" }),
  returnsQueue: () => request<ReturnQueueEntry[]>("/api/orders/admin/returns"),
  approveReturn: (id: string, returnId: string) => request<OrderDetail>(`/api/orders/admin/${id}/returns/${returnId}/approve`, { method: "POST" }),
  rejectReturn: (id: string, returnId: string, reason: string) =>
    request<OrderDetail>(`/api/orders/admin/${id}/returns/${returnId}/reject`, { method: "POST", body: { reason } }),
  /** The items arrived: restock or write off each line; Orders then asks Payments for the refund. */
  receiveReturn: (id: string, returnId: string, lines: { productId: string; restock: boolean }[]) =>
    request<OrderDetail>(`/api/orders/admin/${id}/returns/${returnId}/receive`, { method: "POST", body: { lines } }),
  riskQueue: () => request<HeldOrder[]>("/api/orders/admin/risk/queue"),
  riskSummary: (days = 30) => request<RiskSummary>(`/api/orders/admin/risk/summary${query({ days })}`),
  /** Approves a held order: Payments captures it and it becomes Paid. A second approval answers the same; after a rejection it is a 409. */
  approveRisk: (id: string) => request<ReviewResult>(`/api/orders/admin/${id}/risk/approve`, { method: "POST" }),
  /** Rejects a held order: cancelled, the authorisation voided, the stock released. The reason stays in the back office. */
  rejectRisk: (id: string, reason: string) => request<ReviewResult>(`/api/orders/admin/${id}/risk/reject`, { method: "POST", body: { reason } }),
  /** The store cancels before shipping: stock is released and a paid order refunded in full. */
  adminCancel: (id: string, reason: string) =>
    request<OrderDetail>(`/api/orders/admin/${id}/cancel`, { method: "POST", body: { reason } }),
  shippingMethods: () => request<ShippingMethod[]>("/api/orders/admin/shipping-methods"),
  /** Creates the method, or replaces it when `body.version` (from the list) is the current one; a stale version is a 409. */
  saveShippingMethod: (code: string, body: SaveShippingMethod) =>
    request<ShippingMethod>(`/api/orders/admin/shipping-methods/${encodeURIComponent(code)}`, { method: "PUT", body }),
  promotions: () => request<Promotion[]>("/api/orders/admin/promotions"),
  /** Creates the promotion, or replaces it when `body.version` (from the list) is the current one; a stale version is a 409. */
  savePromotion: (code: string, body: SavePromotion) =>
    request<Promotion>(`/api/orders/admin/promotions/${encodeURIComponent(code)}`, { method: "PUT", body }),
};

/** The first number Orders' sequence gives (OrderNumber.First): numbers have six digits from the first order on. */
export const firstOrderNumber = 100001;

/**
 * The order number as a shopper reads it out: the API's `number` (digits only, from 100001 up) in groups of three from
 * the right, joined by a no-break space so it never wraps: 100245 → "100 245". Orders formats it the same way for
 * e-mails (OrderNumber.Format), so the page, the list and the mail show one thing.
 */
export const formatOrderNumber = (number: number): string => String(number).replace(/\B(?=(\d{3})+$)/g, "\u00a0");

/**
 * Whether the back office's `order=` search would take this text, as Orders' OrderNumber.TryParse does: a number as
 * shown (6–11 digits, with or without "#", spaces or dashes), the 12 hex characters older orders showed, or a whole id.
 */
export const isOrderReference = (text: string): boolean => {
  const compact = text.trim().replace(/^#+/, "").replace(/[\s-]/g, "").toLowerCase();
  if (/^[0-9]{6,11}$/.test(compact)) return Number(compact) >= firstOrderNumber;
  return /^([0-9a-f]{12}|[0-9a-f]{32})$/.test(compact);
};

/** States after which the order page stops polling. */
export const settledStatuses: readonly OrderStatus[] = ["Paid", "PartiallyShipped", "Shipped", "Delivered", "Cancelled"];
