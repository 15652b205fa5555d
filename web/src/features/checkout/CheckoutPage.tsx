import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../shared/api/http";
import { checkoutApi, type CheckoutRequest, type GuestCheckoutRequest } from "./api";
import { guestOrderLink, rememberGuestOrder } from "./guestOrders";
import { paymentsApi } from "./payments/api";
import { emptyAddress, usersApi, type AddressInput, AddressFields, userKeys } from "../account";
import { useAuth } from "../../shared/auth/AuthContext";
import { type QuoteView, cartKeys, useCart, useCartOwner, useQuote, QuoteSummary, deliveryWindow } from "../cart";
import { DiscountCodeField } from "./DiscountCodeField";
import { GuestContactFields } from "./GuestContactFields";
import { formatMoney } from "../../shared/ui/Money";
import { ErrorMessage, Loading, describeError } from "../../shared/ui/Status";
import { PaymentMethods } from "./payments/PaymentMethods";
import { useIdempotencyKey } from "../../shared/hooks/useIdempotencyKey";
import { CardEntryError, cardOption, type CreatePaymentMethod } from "./payments/cardEntry";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { paymentKeys } from "./queryKeys";

const newAddress = "new";

export default function CheckoutPage() {
  usePageTitle("Checkout");
  const { user, loading, signIn, signUp } = useAuth();
  const [asGuest, setAsGuest] = useState(false);
  if (loading) return <Loading />;
  if (!user && asGuest) return <CheckoutForm guest />;
  if (!user) {
    return (
      <section className="panel">
        <h1>Checkout</h1>
        <p>Sign in or create an account to check out, or check out as a guest with your e-mail address. Your cart is kept.</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => void signIn("/checkout")}>
            Sign in
          </button>
          <button type="button" className="button secondary" onClick={() => void signUp("/checkout")}>
            Create an account
          </button>
          <button type="button" className="button secondary" onClick={() => setAsGuest(true)}>
            Check out as a guest
          </button>
        </div>
      </section>
    );
  }
  return <CheckoutForm />;
}

/** The checkout form; a guest (`guest`) has no address book and gives an e-mail address instead. */
function CheckoutForm({ guest = false }: { guest?: boolean }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const cartOwner = useCartOwner();
  const cart = useCart();
  const addresses = useQuery({ queryKey: userKeys.addresses(), queryFn: usersApi.addresses, retry: false, enabled: !guest });
  const payments = useQuery({ queryKey: paymentKeys.config(), queryFn: paymentsApi.config, staleTime: 300_000 });
  const [addressChoice, setAddressChoice] = useState<string>("");
  const [address, setAddress] = useState<AddressInput>(emptyAddress);
  const [saveAddress, setSaveAddress] = useState(true);
  const [payment, setPayment] = useState("");
  const [shippingChoice, setShippingChoice] = useState("");
  const [changedFrom, setChangedFrom] = useState<QuoteView | null>(null);
  const [code, setCode] = useState("");
  const [email, setEmail] = useState("");
  const [website, setWebsite] = useState("");
  // One key per distinct order: a resubmit of the same order (double click, retry after a timeout) reuses it, so the
  // Orders service places it once; a changed order gets a new key.
  const idempotency = useIdempotencyKey();
  const submitting = useRef(false);
  const savedNewAddress = useRef<{ text: string; id: string } | null>(null);
  // Set by the card form once Stripe has loaded; the pm id it returns is reused while the card is unchanged (see
  // StripeCardField), so a resubmit sends the same body and keeps its Idempotency-Key.
  const createCardPaymentMethod = useRef<CreatePaymentMethod | null>(null);
  const onCardReady = useCallback((create: CreatePaymentMethod | null) => {
    createCardPaymentMethod.current = create;
  }, []);

  const saved = guest ? [] : (addresses.data ?? []);
  const chosenAddress = addressChoice || (saved.find((a) => a.isDefaultShipping) ?? saved[0])?.id || newAddress;
  // With a publishable key, Card comes first; test methods are the default only where card entry is not offered.
  const chosenPayment = payment || (payments.data?.publishableKey ? cardOption : payments.data?.testPaymentMethods[0]?.id) || "";
  const country = (chosenAddress === newAddress ? address.country : saved.find((a) => a.id === chosenAddress)?.country) || "GB";
  const lines = cart.data?.lines ?? [];
  const canCheckOut = lines.length > 0 && lines.every((l) => l.available);
  const quote = useQuote(canCheckOut && !addresses.isLoading, country, shippingChoice || undefined, code || undefined);
  const quoteKey = cartKeys.quote(cartOwner, country, shippingChoice, code);
  const codeRefused = quote.error instanceof ApiError ? quote.error.fieldError("discountCode") : undefined;
  // A refused code is said beside the field and dropped, so the quote without it is shown again.
  const [codeMessage, setCodeMessage] = useState<string>();
  useEffect(() => {
    if (codeRefused) {
      setCodeMessage(codeRefused);
      setCode("");
    }
  }, [codeRefused]);
  // A method chosen for another country is not offered here: fall back to the first one Orders offers.
  const methodRefused = quote.error instanceof ApiError && quote.error.fieldError("shippingMethod") !== undefined;
  useEffect(() => {
    if (methodRefused && shippingChoice) setShippingChoice("");
  }, [methodRefused, shippingChoice]);

  const place = useMutation({
    mutationFn: async () => {
      // The card goes to Stripe first: if it is incomplete or refused, nothing is sent to Orders.
      const paymentMethod = chosenPayment === cardOption ? await cardPaymentMethod() : chosenPayment;
      if (guest) return placeAsGuest(paymentMethod);
      let addressId: string | undefined = chosenAddress === newAddress ? undefined : chosenAddress;
      if (!addressId && saveAddress) addressId = await saveNewAddress();
      const { recipient, line1, line2, city, postcode, region, country, phone } = address;
      const shown = quote.data!;
      // No lines: Orders places the server cart, and charges it only if its quote still has the fingerprint shown here.
      const body: CheckoutRequest = {
        ...(addressId ? { addressId } : { shippingAddress: { recipient, line1, line2, city, postcode, region, country, phone } }),
        paymentMethod,
        shippingMethod: shown.shipping?.code,
        quoteFingerprint: shown.fingerprint,
        ...(code ? { discountCode: code } : {}),
      };
      return `/orders/${(await checkoutApi.checkout(body, idempotency.keyFor(body))).id}?placed=1`;
    },
    onSuccess: (orderPage) => {
      void client.invalidateQueries({ queryKey: cartKeys.cart(cartOwner) });
      navigate(orderPage, { replace: true });
    },
    onError: (error) => {
      // The total changed since it was shown (a price, a rate, a fee): show the new quote; nothing was charged.
      const fresh = error instanceof ApiError && error.status === 409 ? (error.problem as { quote?: QuoteView }).quote : undefined;
      if (fresh && quote.data) {
        setChangedFrom(quote.data);
        client.setQueryData(quoteKey, fresh);
      }
    },
  });

  // A guest's order is the anonymous cart, priced as a customer's; its page is reached by the link the answer signs.
  async function placeAsGuest(paymentMethod: string) {
    const { recipient, line1, line2, city, postcode, region, country, phone } = address;
    const shown = quote.data!;
    const body: GuestCheckoutRequest = {
      email: email.trim(),
      shippingAddress: { recipient, line1, line2, city, postcode, region, country, phone },
      paymentMethod,
      shippingMethod: shown.shipping?.code,
      quoteFingerprint: shown.fingerprint,
      ...(code ? { discountCode: code } : {}),
      ...(website ? { website } : {}),
    };
    const placed = await checkoutApi.guestCheckout(body, idempotency.keyFor(body));
    rememberGuestOrder(placed.order.id, placed.accessToken);
    return `${guestOrderLink(placed.order.id, placed.accessToken)}&placed=1`;
  }

  // A retry must not save the same new address again: a second copy has a new id, which would change the body and
  // the Idempotency-Key, and a first attempt that did reach Orders would then be placed twice.
  async function saveNewAddress() {
    const text = JSON.stringify(address);
    if (savedNewAddress.current?.text !== text) {
      savedNewAddress.current = { text, id: (await usersApi.addAddress(address)).id };
      // The address book shows it the next time it is opened; this form keeps its own choice (no refetch under it).
      void client.invalidateQueries({ queryKey: userKeys.addresses(), refetchType: "none" });
    }
    return savedNewAddress.current.id;
  }

  async function cardPaymentMethod() {
    const create = createCardPaymentMethod.current;
    if (!create) throw new CardEntryError("The card form has not loaded, so the card cannot be used yet.");
    return create();
  }

  if (cart.isLoading) return <Loading label="Loading your cart…" />;
  if (lines.length === 0 && !place.isSuccess) {
    return (
      <section className="panel">
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link to="/catalog">Browse the catalog</Link>
      </section>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A ref, not isPending alone: two submits in the same tick would both see isPending false before React re-renders.
    if (submitting.current || place.isPending) return;
    submitting.current = true;
    place.mutate(undefined, { onSettled: () => (submitting.current = false) });
  };
  const fieldError = (field: string) => (place.error instanceof ApiError ? place.error.fieldError(field) : undefined);

  return (
    <form className="checkout" onSubmit={submit} noValidate={false}>
      <h1>Checkout</h1>
      {guest && <GuestContactFields email={email} website={website} onEmail={setEmail} onWebsite={setWebsite} error={fieldError("email") ?? fieldError("website")} />}
      <fieldset>
        <legend>Delivery address</legend>
        {addresses.isLoading ? (
          <Loading label="Loading your addresses…" />
        ) : (
          <>
            {saved.map((a) => (
              <label key={a.id} className="check">
                <input type="radio" name="address" value={a.id} checked={chosenAddress === a.id} onChange={() => setAddressChoice(a.id)} />
                {a.label}: {a.recipient}, {a.line1}, {a.city} {a.postcode}
              </label>
            ))}
            {saved.length > 0 && (
              <label className="check">
                <input type="radio" name="address" value={newAddress} checked={chosenAddress === newAddress} onChange={() => setAddressChoice(newAddress)} />
                A new address
              </label>
            )}
            {chosenAddress === newAddress && (
              <>
                <AddressFields value={address} onChange={setAddress} errorFor={fieldError} />
                {!guest && (
                  <label className="check">
                    <input type="checkbox" checked={saveAddress} onChange={(e) => setSaveAddress(e.target.checked)} />
                    Save to my address book
                  </label>
                )}
              </>
            )}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Payment</legend>
        {payments.isError ? (
          <ErrorMessage error={payments.error} onRetry={() => void payments.refetch()} />
        ) : payments.data ? (
          <PaymentMethods config={payments.data} value={chosenPayment} onChange={setPayment} onCardReady={onCardReady} />
        ) : (
          <Loading label="Loading payment methods…" />
        )}
      </fieldset>
      <fieldset>
        <legend>Delivery</legend>
        {quote.data ? (
          quote.data.shippingOptions.map((o) => (
            <label key={o.code} className="check">
              <input
                type="radio"
                name="shipping"
                value={o.code}
                checked={quote.data!.shipping?.code === o.code}
                onChange={() => setShippingChoice(o.code)}
              />
              {o.name}: {o.fee === 0 ? "Free" : formatMoney(o.fee, quote.data!.currency)}{" "}
              <span className="hint">(arrives {deliveryWindow(o.earliestDelivery, o.latestDelivery)})</span>
            </label>
          ))
        ) : quote.isError && !methodRefused && !codeRefused && !quote.isFetching ? (
          <p className="notice">{fieldMessage(quote.error) ?? describeError(quote.error)}</p>
        ) : (
          <Loading label="Working out delivery…" />
        )}
      </fieldset>
      <DiscountCodeField code={code} quote={quote.data} message={codeMessage} onApply={(next) => (setCodeMessage(undefined), setCode(next))} />
      <section className="summary" aria-label="Order summary">
        {quote.data && <QuoteSummary quote={quote.data} />}
        {changedFrom && quote.data && changedFrom.fingerprint !== quote.data.fingerprint && (
          <p className="notice" role="alert">
            The total changed from {formatMoney(changedFrom.total, changedFrom.currency)} to {formatMoney(quote.data.total, quote.data.currency)} since
            you opened this page. Nothing was charged: check the new total and place the order again.
          </p>
        )}
        {place.isError && !(place.error instanceof ApiError && place.error.status === 409) && (
          <div className="error" role="alert">
            <p>Your order was not placed: {describeError(place.error)}</p>
          </div>
        )}
        <button type="submit" className="button" disabled={place.isPending || !canCheckOut || !chosenPayment || !quote.data}>
          {place.isPending ? "Placing order…" : "Place order"}
        </button>
      </section>
    </form>
  );
}

/** The first field message of a problem (e.g. "We do not deliver these items to XX."), if it has one. */
function fieldMessage(error: unknown): string | undefined {
  return error instanceof ApiError ? Object.values(error.problem.errors ?? {})[0]?.[0] : undefined;
}
