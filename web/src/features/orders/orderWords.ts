import type { OrderDetail, OrderHistoryEntry } from "./api";

/**
 * The words a shopper reads about an order: every status, history trigger and payment failure reason Orders and
 * Payments record is mapped here to plain language, so the internal names (StockReserved, card_declined, "payment
 * failed: …") never reach the page. The back office keeps the short labels and the raw reasons.
 */

/** Short status names, for lists and the back office. */
const shortLabels: Record<string, string> = {
  Pending: "Placed",
  StockReserved: "Items reserved",
  AwaitingPayment: "Waiting for payment",
  HeldForReview: "Held for review",
  Paid: "Paid",
  PartiallyShipped: "Partly shipped",
  Shipped: "Shipped",
  Delivered: "Delivered",
  Cancelled: "Cancelled",
};

export const statusLabel = (status: string): string => shortLabels[status] ?? status;

/** What each status means to the shopper, as the order page's status line and timeline say it. */
const sentences: Record<string, string> = {
  Pending: "We've received your order",
  StockReserved: "We've reserved your items",
  AwaitingPayment: "Your payment didn't go through",
  HeldForReview: "We're checking your order",
  Paid: "Payment received",
  PartiallyShipped: "Part of your order is on its way",
  Shipped: "Shipped",
  Delivered: "Delivered",
  Cancelled: "Cancelled",
};

export const statusSentence = (status: string): string => sentences[status] ?? "We're working on your order";

/** Why a payment attempt failed (the provider's reason code, or Orders' "payment failed: code"), in plain words. */
export function paymentFailureMessage(reason: string | null | undefined): string {
  const r = reason ?? "";
  if (/authentication_abandoned/i.test(r)) return "The bank's check was closed before it finished, so the payment did not go through.";
  if (/authentication/i.test(r)) return "Your bank could not confirm this payment.";
  if (/processing/i.test(r)) return "The payment failed while your bank was processing it.";
  if (/invalid_payment_method/i.test(r)) return "That payment method could not be used.";
  if (/amount_not_representable/i.test(r)) return "We could not take payment for this order's total.";
  return "Your payment was declined by your bank.";
}

/** The saga's cancellation reason, in words a shopper understands; null while the order is not cancelled. */
export function cancellationMessage(order: Pick<OrderDetail, "status" | "cancellationReason" | "history">): string | null {
  if (order.status !== "Cancelled") return null;
  const reason = order.cancellationReason ?? order.history.find((h) => h.to === "Cancelled")?.reason ?? "";
  // A risk review: the reviewer's note is the store's, never shown; the shopper hears what happened to their money.
  if (/^not approved after a security check/i.test(reason))
    return "We could not approve this order after our security check, so it was cancelled. You have not been charged: the amount held on your card has been released.";
  if (/^review_timeout$/i.test(reason))
    return "We could not finish checking this order in time, so it was cancelled. You have not been charged: the amount held on your card has been released.";
  if (/^timeout$/i.test(reason))
    return order.history.some((h) => h.to === "AwaitingPayment")
      ? "The time to pay for this order ran out, so it was cancelled and the items went back on sale. You have not been charged."
      : "We could not confirm this order in time, so it was cancelled. You have not been charged.";
  if (/^payment failed/i.test(reason) || /declin|authentication|card/i.test(reason))
    return `${paymentFailureMessage(reason)} You have not been charged; please try another payment method.`;
  if (/stock/i.test(reason)) return "Some items sold out before we could reserve them. You have not been charged.";
  // The store's reason is written by a person for the shopper, so it is shown.
  const byStore = /^cancelled by the store:\s*(.*)$/is.exec(reason);
  if (byStore) return `The store cancelled this order${byStore[1] ? `: ${byStore[1]}` : "."}`;
  if (/^cancelled by the customer/i.test(reason)) return "You cancelled this order.";
  return "This order was cancelled.";
}

/** One entry of "Shipping, returns and refunds": a plain title, and a detail only where it is meant for the shopper. */
export interface ActivityWords {
  title: string;
  detail?: string;
  /** A refund's amount, read from Orders' "refund of 12.34 GBP …". */
  amount?: { value: number; currency: string };
}

export function activityWords(entry: OrderHistoryEntry): ActivityWords | null {
  switch (entry.trigger) {
    case "Ship":
      return { title: "Your parcel is on its way" };
    case "ShipPart":
      return { title: "A parcel with part of your order is on its way" };
    case "ShipmentDelivered":
      return { title: "Parcel delivered" };
    case "Refunded": {
      const m = /refund of ([\d.]+) ([A-Z]{3})/.exec(entry.reason ?? "");
      return { title: "We've refunded you", amount: m ? { value: Number(m[1]), currency: m[2]! } : undefined };
    }
    case "ReturnRequested":
      return { title: "You asked to return items" };
    case "ReturnApproved":
      return { title: "We've approved your return: please send the items back" };
    case "ReturnRejected": {
      const why = /^return rejected:\s*(.*)$/is.exec(entry.reason ?? "")?.[1];
      return { title: "We couldn't accept your return", detail: why || undefined };
    }
    case "ReturnReceived":
      return { title: "We've received your returned items" };
    case "ReviewApproved":
      return { title: "Your order passed our check" };
    case "Claimed":
      return { title: "Added to your account" };
    default:
      return null;
  }
}
