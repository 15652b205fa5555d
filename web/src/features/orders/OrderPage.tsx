import { Fragment, useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { formatOrderNumber, inFlightStatuses, ordersApi, settledStatuses, type OrderDetail } from "./api";
import { ApiError } from "../../shared/api/http";
import { guestOrderAccess, guestPaymentsApi, myPaymentsApi, paymentKeys, rememberGuestOrder } from "../checkout";
import { PaymentChallenge, RetryPayment } from "./PaymentFollowUp";
import { fromMinor } from "../../shared/ui/minorUnits";
import { RequireRole } from "../../shared/ui/RequireRole";
import { Money } from "../../shared/ui/Money";
import { deliveryWindow } from "../cart";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { OrderActivity, StatusTimeline } from "./StatusTimeline";
import { cancellationMessage, statusSentence } from "./orderWords";
import { ConfirmButton } from "../../shared/ui/Confirm";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { ProductPicture, imageFromUrl } from "../../shared/ui/ProductPicture";
import { useProductImages } from "../catalog";
import { ReturnForm, Returns, Shipments } from "./OrderReturns";
import { orderKeys } from "./queryKeys";

/**
 * A customer's order, or a guest's through its link (`?access=…`, or the token this browser kept when it placed the
 * order): the same page either way, without the customer's cancel button for a guest.
 */
export default function OrderPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const access = params.get("access") ?? guestOrderAccess(id);
  if (access) return <Order access={access} />;
  return (
    <RequireRole>
      <Order />
    </RequireRole>
  );
}

/**
 * How often the order page reads the order again. While the checkout saga is under way each read waits on the server
 * until the order moves on (`Prefer: wait`), so the next one starts right after it; every second while a received
 * return's refund is under way; never once the order is settled (or waits for the shopper to pay again), and never
 * after an answer that will not change (the order does not exist, or is not this shopper's).
 */
export function orderPollInterval(order: OrderDetail | undefined, error: unknown): number | false {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (!order) return 1000;
  if (inFlightStatuses.includes(order.status)) return 250;
  const settled = [...settledStatuses, "AwaitingPayment"].includes(order.status);
  // A check by a person takes hours, not seconds: read again twice a minute.
  if (order.status === "HeldForReview") return 30_000;
  return settled && !order.returns.some((r) => r.status === "Received") ? false : 1000;
}

function Order({ access }: { access?: string }) {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const client = useQueryClient();
  // The checkout saga finishes asynchronously: poll until the order reaches a settled state.
  // An order awaiting payment waits for the shopper, not the saga: polling stops there until they pay again.
  const order = useQuery({
    queryKey: orderKeys.detail(id, access),
    queryFn: () => {
      // The first read answers at once; once the order is known to be in flight, the next waits for it to move on.
      const known = client.getQueryData<OrderDetail>(orderKeys.detail(id, access));
      const wait = known !== undefined && inFlightStatuses.includes(known.status);
      return access ? ordersApi.guestGet(id, access, wait) : ordersApi.get(id, wait);
    },
    retry: false,
    // A received return waits for its refund from Payments: polled until it shows.
    refetchInterval: (q) => orderPollInterval(q.state.data, q.state.error),
  });
  const paying = order.data?.status === "StockReserved" || order.data?.status === "AwaitingPayment";
  // What came back, from Payments' ledger: a refund (partial from the store, or the rest on cancel) lands after the
  // order settles, so a paid order's payment is read on every visit.
  const payment = useQuery({
    // Keyed by the order's status too, so each move (reserved → paid, a decline) reads the payment afresh.
    // And by the refunded returns, so a return's refund is read once Orders records it.
    queryKey: paymentKeys.order(id, access ?? "mine", order.data?.status, order.data?.returns.filter((r) => r.status === "Refunded").length),
    queryFn: () => (access ? guestPaymentsApi.forOrder(id, access) : myPaymentsApi.forOrder(id)),
    // Read while paying too: a card that needs 3-D Secure waits in RequiresAction for the shopper's check.
    enabled: order.data?.wasPaid === true || paying,
    retry: false,
    refetchInterval: (q) =>
      (order.data?.status === "Cancelled" && q.state.data && q.state.data.refundedMinor < q.state.data.capturedMinor) ||
      (order.data?.status === "StockReserved" && q.state.data?.status !== "RequiresAction")
        ? 1500
        : false,
  });
  const images = useProductImages(order.data?.lines.map((l) => l.productId) ?? []);
  const cancel = useMutation({
    mutationFn: () => ordersApi.cancel(id, "Cancelled by the customer"),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }),
  });

  // A link that opened the order is kept, so this browser finds the order again without it.
  useEffect(() => {
    if (access && order.isSuccess) rememberGuestOrder(id, access);
  }, [access, id, order.isSuccess]);

  usePageTitle(order.data ? `Order ${formatOrderNumber(order.data.number)}` : "Your order");
  if (order.error instanceof ApiError && [403, 404].includes(order.error.status)) return access ? <GuestOrderNotFound /> : <OrderNotFound />;
  if (order.isError) return <ErrorMessage error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <Loading label="Loading order…" />;
  const o = order.data;
  const problem = cancellationMessage(o);
  const canCancel = !access && !["PartiallyShipped", "Shipped", "Delivered", "Cancelled"].includes(o.status);
  return (
    <section>
      {/* No thanks for an order whose payment failed: the page's first words say what the shopper must do. */}
      <h1>
        {o.status === "AwaitingPayment"
          ? "Your payment did not go through"
          : params.get("placed") ? "Thank you for your order" : `Order ${formatOrderNumber(o.number)}`}
      </h1>
      <p>
        Order number <strong data-testid="order-number">{formatOrderNumber(o.number)}</strong> · placed {new Date(o.createdAt).toLocaleString("en-GB")}
      </p>
      <p role="status" aria-live="polite" className={`status status-${o.status}`} data-testid="order-status">
        Status: {statusSentence(o.status)}
        {!settledStatuses.includes(o.status) && !["AwaitingPayment", "HeldForReview"].includes(o.status) && payment.data?.status !== "RequiresAction" && " — waiting for payment confirmation…"}
      </p>
      {/* Held for risk review: plain words, no score, no reasons (they would teach fraudsters what to avoid). */}
      {o.status === "HeldForReview" && (
        <p data-testid="order-being-checked">
          We're making a routine check on this order before we take payment. Your items are reserved for you, and the amount is only held on your
          card, not taken. We'll e-mail you when the check is done, normally within a day.
        </p>
      )}
      {/* A guest pays again and answers the bank's check through the order link's token, a customer as themselves. */}
      {o.status === "StockReserved" && payment.data?.status === "RequiresAction" && <PaymentChallenge orderId={o.id} payment={payment.data} access={access} />}
      {o.status === "AwaitingPayment" && <RetryPayment order={o} payment={payment.data} access={access} />}
      {problem && (
        <div className="error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <StatusTimeline history={o.history} status={o.status} />
      {o.trackingNumber && o.shipments.length === 0 && <p>Tracking number: {o.trackingNumber}</p>}
      <Shipments order={o} />
      <table className="cart">
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.productId}>
              <th scope="row">
                <span className="line-thumb">
                  <ProductPicture image={imageFromUrl(images.get(l.productId), l.name)} renditions={["thumb"]} sizes="3rem" alt="" blank />
                </span>
                {l.name}
                {l.variantLabel && <span className="variant-label"> ({l.variantLabel})</span>}
              </th>
              <td>{l.quantity}</td>
              <td>
                <Money amount={l.lineTotal} currency={o.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <dt>Items</dt>
        <dd><Money amount={o.subtotal} currency={o.currency} /></dd>
        {o.discount > 0 && (
          <>
            <dt>Discount{o.discountCode ? ` (${o.discountCode})` : ""}</dt>
            <dd>−<Money amount={o.discount} currency={o.currency} /></dd>
          </>
        )}
        <dt>{o.shippingMethod.name || "Shipping"}</dt>
        <dd><Money amount={o.shipping} currency={o.currency} /></dd>
        {/* Tax by rate: inside the total when the order was priced tax-inclusive, added to it when not. */}
        {o.taxes.length > 0
          ? o.taxes.filter((t) => t.tax > 0).map((t) => (
              <Fragment key={t.rate}>
                <dt>{o.pricesIncludeTax ? "Includes " : ""}VAT at {formatRate(t.rate)}</dt>
                <dd><Money amount={t.tax} currency={o.currency} /></dd>
              </Fragment>
            ))
          : o.tax > 0 && (
              <>
                <dt>Tax</dt>
                <dd><Money amount={o.tax} currency={o.currency} /></dd>
              </>
            )}
        <dt>Total</dt>
        <dd data-testid="order-total"><strong><Money amount={o.total} currency={o.currency} /></strong></dd>
      </dl>
      {o.shippingMethod.earliestDelivery && o.shippingMethod.latestDelivery && !["Delivered", "Cancelled"].includes(o.status) && (
        <p>Expected {deliveryWindow(o.shippingMethod.earliestDelivery, o.shippingMethod.latestDelivery)} by {o.shippingMethod.name}.</p>
      )}
      <p>
        Delivering to {o.shippingAddress.recipient}, {o.shippingAddress.line1}, {o.shippingAddress.city} {o.shippingAddress.postcode}
      </p>
      {payment.data && payment.data.refundedMinor > 0 && (
        <p data-testid="order-refund">
          {payment.data.refundedMinor === payment.data.capturedMinor ? "Refunded in full: " : "Refunded: "}
          <Money amount={fromMinor(payment.data.refundedMinor, payment.data.currency)} currency={payment.data.currency} />
          {payment.data.refundedMinor < payment.data.capturedMinor && (
            <>
              {" "}of <Money amount={fromMinor(payment.data.capturedMinor, payment.data.currency)} currency={payment.data.currency} /> paid
            </>
          )}
          {o.refundedAt && ` (first refund ${new Date(o.refundedAt).toLocaleDateString("en-GB")})`}.
        </p>
      )}
      <Returns order={o} />
      <ReturnForm order={o} access={access} />
      <OrderActivity history={o.history} />
      {canCancel && (
        <ConfirmButton
          label="Cancel order"
          question={
            o.wasPaid ? (
              <>
                Cancel this order? We will refund <Money amount={o.total} currency={o.currency} /> to your payment method.
              </>
            ) : (
              "Cancel this order? Your items will go back on sale."
            )
          }
          confirmLabel="Yes, cancel order"
          keepLabel="Keep my order"
          busy={cancel.isPending}
          onConfirm={() => cancel.mutate()}
        />
      )}
      {cancel.isError && <ErrorMessage error={cancel.error} />}
    </section>
  );
}

/** A wrong, altered or expired link says no more than that: whether the order exists is not revealed. */
function GuestOrderNotFound() {
  return (
    <section className="panel">
      <h1>Order not found</h1>
      <p>This order link is not valid or has expired. Check that you opened the whole link from your order e-mail, or sign in to see your orders.</p>
      <p>
        <Link to="/orders">Your orders</Link> · <Link to="/catalog">Continue shopping</Link>
      </p>
    </section>
  );
}

/** An order id that is not the shopper's (or no order at all) is answered alike, with the way back to their orders. */
function OrderNotFound() {
  return (
    <section className="panel">
      <h1>We couldn't find that order</h1>
      <p>It may have been placed with another account, or the link may be incomplete.</p>
      <p>
        <Link to="/orders">See your orders</Link> · <Link to="/catalog">Continue shopping</Link>
      </p>
    </section>
  );
}

/** 0.2 → "20%", 0.055 → "5.5%". */
function formatRate(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}
