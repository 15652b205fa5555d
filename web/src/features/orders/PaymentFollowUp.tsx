import { useCallback, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ordersApi, type OrderDetail } from "./api";
import { paymentFailureMessage } from "./orderWords";
import { orderKeys } from "./queryKeys";
import {
  CardEntryError,
  PaymentMethods,
  cardOption,
  guestPaymentsApi,
  myPaymentsApi,
  paymentKeys,
  paymentsApi,
  type ChallengeOutcome,
  type CreatePaymentMethod,
  type MyPayment,
} from "../checkout";
import { ErrorMessage } from "../../shared/ui/Status";

/** Why the last payment attempt failed, in words a shopper understands (the reason Payments recorded). */
export const declineMessage = paymentFailureMessage;

const invalidate = (client: ReturnType<typeof useQueryClient>, orderId: string) =>
  Promise.all([client.invalidateQueries({ queryKey: orderKeys.all }), client.invalidateQueries({ queryKey: paymentKeys.forOrder(orderId) })]);

/**
 * An order whose payment failed keeps its items for a while: say so plainly, with the time the hold ends, and let the
 * shopper pay again with another method. The order, its number and its cart stay as they were.
 */
export function RetryPayment({ order, payment, access }: { order: OrderDetail; payment: MyPayment | undefined; access?: string }) {
  const client = useQueryClient();
  const config = useQuery({ queryKey: paymentKeys.config(), queryFn: paymentsApi.config, staleTime: 300_000 });
  const [choice, setChoice] = useState("");
  const [cardError, setCardError] = useState<string | null>(null);
  const createCard = useRef<CreatePaymentMethod | null>(null);
  const onCardReady = useCallback((create: CreatePaymentMethod | null) => {
    createCard.current = create;
  }, []);
  const reason = payment?.failureReason ?? [...order.history].reverse().find((h) => h.to === "AwaitingPayment")?.reason;
  const retry = useMutation({
    mutationFn: async () => {
      setCardError(null);
      const method = choice === cardOption ? await createCard.current?.() : choice;
      if (!method) throw new CardEntryError("Enter your card details first.");
      return access ? ordersApi.guestRetryPayment(order.id, access, method) : ordersApi.retryPayment(order.id, method);
    },
    onSuccess: () => invalidate(client, order.id),
    onError: (e) => e instanceof CardEntryError && setCardError(e.message),
  });
  const held = order.stockHeldUntil ? new Date(order.stockHeldUntil).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) : null;
  const chosen = choice || (config.data?.publishableKey ? cardOption : config.data?.testPaymentMethods[0]?.id) || "";
  return (
    <section className="retry-payment" aria-labelledby="retry-heading">
      <div className="error" role="alert">
        <p>
          {declineMessage(reason)} You have not been charged.
          {held && ` We are holding your items until ${held}.`}
        </p>
      </div>
      <h2 id="retry-heading">Pay with another method</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!choice) setChoice(chosen);
          retry.mutate();
        }}
      >
        {config.data ? (
          <fieldset>
            <legend>Payment</legend>
            <PaymentMethods config={config.data} value={chosen} onChange={setChoice} onCardReady={onCardReady} />
          </fieldset>
        ) : (
          <p className="loading">Loading payment methods…</p>
        )}
        {cardError && <p className="field-error" role="alert">{cardError}</p>}
        <button type="submit" className="button" disabled={retry.isPending || !config.data}>
          {retry.isPending ? "Paying…" : "Pay now"}
        </button>
      </form>
      {retry.isError && !cardError && <ErrorMessage error={retry.error} />}
    </section>
  );
}

/**
 * The bank asks the shopper to confirm (3-D Secure). With Stripe, Stripe.js shows the bank's own check; with the
 * simulated provider this stands in for the bank's page, so the whole flow runs without keys.
 */
export function PaymentChallenge({ orderId, payment, access }: { orderId: string; payment: MyPayment; access?: string }) {
  const client = useQueryClient();
  const config = useQuery({ queryKey: paymentKeys.config(), queryFn: paymentsApi.config, staleTime: 300_000 });
  const answer = useMutation({
    mutationFn: (outcome: ChallengeOutcome) =>
      access ? guestPaymentsApi.answerChallenge(orderId, access, outcome) : myPaymentsApi.answerChallenge(orderId, outcome),
    onSuccess: () => invalidate(client, orderId),
  });
  const stripe = useMutation({
    mutationFn: async () => {
      const { loadStripe } = await import("@stripe/stripe-js");
      const stripeJs = await loadStripe(config.data!.publishableKey!);
      if (!stripeJs || !payment.clientSecret) throw new Error("The bank's check could not be opened. Please try again.");
      await stripeJs.handleNextAction({ clientSecret: payment.clientSecret });
      return access ? guestPaymentsApi.completeAuthentication(orderId, access) : myPaymentsApi.completeAuthentication(orderId);
    },
    onSuccess: () => invalidate(client, orderId),
  });
  return (
    <section className="challenge" role="dialog" aria-labelledby="challenge-heading" aria-describedby="challenge-text">
      <h2 id="challenge-heading">Confirm this payment with your bank</h2>
      {payment.simulated ? (
        <>
          <p id="challenge-text">
            <strong>Simulated 3-D Secure:</strong> no bank is involved. Choose what the bank's check does.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={answer.isPending} onClick={() => answer.mutate("approve")}>Approve payment</button>
            <button type="button" className="button secondary" disabled={answer.isPending} onClick={() => answer.mutate("fail")}>Fail the check</button>
            <button type="button" className="button secondary" disabled={answer.isPending} onClick={() => answer.mutate("abandon")}>Close without confirming</button>
          </div>
          {answer.isError && <ErrorMessage error={answer.error} />}
        </>
      ) : (
        <>
          <p id="challenge-text">Your bank wants to make sure it is you. The check opens in a secure window from your bank.</p>
          <button type="button" className="button" disabled={stripe.isPending || !config.data?.publishableKey} onClick={() => stripe.mutate()}>
            {stripe.isPending ? "Waiting for your bank…" : "Confirm with my bank"}
          </button>
          {stripe.isError && <ErrorMessage error={stripe.error} />}
        </>
      )}
    </section>
  );
}
