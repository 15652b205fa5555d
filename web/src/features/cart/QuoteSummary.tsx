import type { QuoteView } from "./api";
import { Money } from "../../shared/ui/Money";

const dateFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });

/** "Tue 8 Dec" or "Tue 8 – Thu 10 Dec": when the chosen method should arrive. */
export function deliveryWindow(earliest: string, latest: string): string {
  const from = dateFormat.format(new Date(`${earliest}T12:00:00Z`));
  return earliest === latest ? from : `${from} – ${dateFormat.format(new Date(`${latest}T12:00:00Z`))}`;
}

/** The quote's totals as Orders computed them: what the order will charge, to the penny. */
export function QuoteSummary({ quote }: { quote: QuoteView }) {
  const c = quote.currency;
  return (
    <dl className="quote" aria-label="Order total" data-total-minor={quote.totalMinor}>
      <dt>Items</dt>
      <dd>
        <Money amount={quote.subtotal} currency={c} />
      </dd>
      {quote.discount > 0 && (
        <>
          <dt>Discount{quote.discountCode ? ` (${quote.discountCode})` : ""}</dt>
          <dd>
            −<Money amount={quote.discount} currency={c} />
          </dd>
        </>
      )}
      {quote.shipping && (
        <>
          <dt>
            {quote.shipping.name} <span className="hint">(arrives {deliveryWindow(quote.shipping.earliestDelivery, quote.shipping.latestDelivery)})</span>
          </dt>
          <dd>{quote.shipping.fee === 0 ? "Free" : <Money amount={quote.shipping.fee} currency={c} />}</dd>
        </>
      )}
      {!quote.pricesIncludeTax && (
        <>
          <dt>VAT</dt>
          <dd>
            <Money amount={quote.tax} currency={c} />
          </dd>
        </>
      )}
      <dt className="total">Total</dt>
      <dd className="total" data-testid="quote-total">
        <strong>
          <Money amount={quote.total} currency={c} />
        </strong>
      </dd>
      {quote.pricesIncludeTax && quote.tax > 0 && (
        <dd className="hint tax-note">
          Includes VAT of <Money amount={quote.tax} currency={c} />
        </dd>
      )}
    </dl>
  );
}
