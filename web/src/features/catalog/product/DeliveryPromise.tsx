import { useQuery } from "@tanstack/react-query";
import { cartApi, deliveryWindow } from "../../cart";
import { Money } from "../../../shared/ui/Money";
import { deliveryKeys } from "../queryKeys";

/**
 * What the product page promises before anything is in the cart: whether the price includes VAT (and how much), and
 * each delivery option with its fee and dates, from Orders' quote for this one product — the same rules the checkout
 * charges by. The block keeps its height while loading, and says nothing when the product cannot be quoted (sold
 * out, no longer sold), rather than guessing.
 */
export function DeliveryPromise({ productId, canBuy }: { productId: string; canBuy: boolean }) {
  const quote = useQuery({
    queryKey: deliveryKeys.quote(productId),
    queryFn: () => cartApi.deliveryQuote(productId),
    enabled: canBuy,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!canBuy || quote.isError) return null;
  const q = quote.data;
  return (
    <section className="delivery-promise" aria-label="Price and delivery" aria-busy={!q}>
      {q && (
        <>
          <p className="hint">
            {q.pricesIncludeTax ? (
              <>
                Price includes VAT{q.tax > 0 && <> of <Money amount={q.tax} currency={q.currency} /></>}.
              </>
            ) : (
              "Price excludes VAT, which is added at checkout."
            )}
          </p>
          <ul>
            {q.shippingOptions.map((o) => (
              <li key={o.code}>
                <strong>{o.name}</strong>: {o.fee === 0 ? "free" : <Money amount={o.fee} currency={q.currency} />}, arrives{" "}
                {deliveryWindow(o.earliestDelivery, o.latestDelivery)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
