import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { formatOrderNumber, type OrderStatus } from "../orders";
import { paymentsAdminApi, type LedgerEntry } from "../checkout";
import { Confirm } from "../../shared/ui/Confirm";
import { ErrorMessage, Loading, describeError } from "../../shared/ui/Status";
import { formatMinor, parseToMinor } from "../../shared/ui/minorUnits";
import { useIdempotencyKey } from "../../shared/hooks/useIdempotencyKey";
import { adminOrderKeys, adminPaymentKeys } from "./queryKeys";

const maxReasonLength = 200;

/**
 * An order's payment as Payments' ledger has it, and a partial refund. A cancel refunds the rest asynchronously, so
 * while a cancelled order still has money captured the panel keeps reading until the refund shows.
 */
export function OrderPayment({ orderId, orderNumber, orderStatus }: { orderId: string; orderNumber: number; orderStatus: OrderStatus }) {
  const payment = useQuery({
    queryKey: adminPaymentKeys.order(orderId),
    queryFn: () => paymentsAdminApi.history(orderId),
    retry: false,
    refetchInterval: (q) => (orderStatus === "Cancelled" && (q.state.data?.totals.refundableMinor ?? 0) > 0 ? 2000 : false),
  });
  if (payment.isError) {
    return payment.error instanceof ApiError && payment.error.status === 404 ? (
      <p>No payment has been recorded for this order.</p>
    ) : (
      <ErrorMessage error={payment.error} onRetry={() => void payment.refetch()} />
    );
  }
  if (!payment.data) return <Loading label="Loading the payment…" />;
  const p = payment.data;
  const money = (minor: number) => formatMinor(minor, p.currency);
  return (
    <section className="order-payment" aria-label={`Payment for order ${formatOrderNumber(orderNumber)}`}>
      <h2>Payment</h2>
      <p>
        {p.status} · {p.provider ?? "provider pending"} · {p.paymentMethod}
        {p.failureReason && ` · ${p.failureReason}`}
      </p>
      <dl className="totals">
        <dt>Captured</dt>
        <dd>{money(p.totals.capturedMinor)}</dd>
        <dt>Refunded</dt>
        <dd>{money(p.totals.refundedMinor)}</dd>
        <dt>Refundable</dt>
        <dd>{money(p.totals.refundableMinor)}</dd>
      </dl>
      <table className="admin-table">
        <caption>Ledger</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Entry</th>
            <th scope="col">Amount</th>
            <th scope="col">Reason</th>
            <th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {p.entries.map((e: LedgerEntry) => (
            <tr key={e.id}>
              <td>{new Date(e.occurredAt).toLocaleString("en-GB")}</td>
              <td>{e.kind}</td>
              <td>{money(e.amountMinor)}</td>
              <td>{e.reason ?? ""}</td>
              <td>{e.providerReference ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.totals.refundableMinor > 0 && <RefundForm orderId={orderId} currency={p.currency} refundableMinor={p.totals.refundableMinor} />}
    </section>
  );
}

function RefundForm({ orderId, currency, refundableMinor }: { orderId: string; currency: string; refundableMinor: number }) {
  const client = useQueryClient();
  const ids = useId();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A refund moves money and cannot be taken back: the checked amount waits here for the admin's confirmation.
  const [confirming, setConfirming] = useState<{ amountMinor: number; reason?: string } | null>(null);
  // One key per distinct refund: a retry of the same amount and reason (after a timeout or a 503) reuses it, so
  // Payments refunds once; after a success the next refund, even of the same amount, is a new one.
  const idempotency = useIdempotencyKey();
  const refundable = formatMinor(refundableMinor, currency);

  const refund = useMutation({
    mutationFn: (body: { amountMinor: number; reason?: string }) => paymentsAdminApi.refund(orderId, body, idempotency.keyFor(body)),
    onSuccess: (result) => {
      idempotency.reset();
      setAmount("");
      setReason("");
      setDone(`Refunded ${formatMinor(result.amountMinor, result.currency)}.`);
      void client.invalidateQueries({ queryKey: adminPaymentKeys.order(orderId) });
      void client.invalidateQueries({ queryKey: adminOrderKeys.all() });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const amountMinor = parseToMinor(amount, currency);
    if (amountMinor === null || amountMinor > refundableMinor) {
      setInvalid(`Enter an amount up to ${refundable}, with at most two decimals.`);
      return;
    }
    setInvalid(null);
    if (!refund.isPending) setConfirming({ amountMinor, reason: reason.trim() || undefined });
  };

  const serverError = refund.error instanceof ApiError ? refund.error : null;
  const amountError = invalid ?? serverError?.fieldError("amountMinor");
  const reasonError = serverError?.fieldError("reason");
  const otherError = refund.isError && !amountError && !reasonError;
  return (
    <form className="refund" onSubmit={submit} noValidate>
      <h3>Refund part of the payment</h3>
      <p className="hint">Up to {refundable} can still be refunded. Cancelling the order refunds whatever is left.</p>
      <label htmlFor={`${ids}-amount`}>Refund amount</label>
      <input
        id={`${ids}-amount`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-invalid={amountError ? true : undefined}
        aria-describedby={amountError ? `${ids}-amount-error` : undefined}
        required
      />
      {amountError && (
        <p id={`${ids}-amount-error`} className="field-error">
          {amountError}
        </p>
      )}
      <label htmlFor={`${ids}-reason`}>Reason for the refund</label>
      <input
        id={`${ids}-reason`}
        value={reason}
        maxLength={maxReasonLength}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? `${ids}-reason-error` : undefined}
      />
      {reasonError && (
        <p id={`${ids}-reason-error`} className="field-error">
          {reasonError}
        </p>
      )}
      {confirming ? (
        <Confirm
          question={`Refund ${formatMinor(confirming.amountMinor, currency)} to the customer? This cannot be undone.`}
          confirmLabel={`Yes, refund ${formatMinor(confirming.amountMinor, currency)}`}
          keepLabel="Don't refund"
          onConfirm={() => {
            refund.mutate(confirming);
            setConfirming(null);
          }}
          onKeep={() => setConfirming(null)}
        />
      ) : (
        <button type="submit" className="button secondary" disabled={refund.isPending}>
          {refund.isPending ? "Refunding…" : "Refund"}
        </button>
      )}
      {otherError && (
        <div className="error" role="alert">
          <p>The refund was not made: {describeError(refund.error)}</p>
        </div>
      )}
      {done && <p role="status">{done}</p>}
    </form>
  );
}
