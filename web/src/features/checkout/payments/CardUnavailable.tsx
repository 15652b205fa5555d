/** Said when Stripe's card form could not be loaded (js.stripe.com unreachable, blocked, or the chunk failed). */
export function CardUnavailable({ otherMethods, onRetry }: { otherMethods: boolean; onRetry: () => void }) {
  return (
    <div className="error" role="alert">
      <p>
        Card payment is unavailable: the secure card form from Stripe could not be loaded. Check your connection and try
        again{otherMethods ? ", or choose another payment method" : ""}.
      </p>
      <button type="button" className="button secondary" onClick={onRetry}>
        Load the card form again
      </button>
    </div>
  );
}
