import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { maxQuantity, type CartLineView } from "./api";
import { useCart, useCartChange, useQuote } from "./useCart";
import { Money, formatMoney } from "../../shared/ui/Money";
import { ErrorMessage, describeError } from "../../shared/ui/Status";
import { ListSkeleton } from "../../shared/ui/ListStates";
import { QuoteSummary } from "./QuoteSummary";
import { ProductPicture, imageFromUrl } from "../../shared/ui/ProductPicture";
import { usePageTitle } from "../../shared/ui/usePageTitle";

export function CartPage() {
  usePageTitle("Cart");
  const cart = useCart();
  const navigate = useNavigate();
  const lines = cart.data?.lines ?? [];
  const canCheckOut = lines.length > 0 && lines.every((l) => l.available);
  const quote = useQuote(canCheckOut);
  if (cart.isLoading) return <ListSkeleton rows={3} label="Loading your cart…" />;
  if (cart.isError) return <ErrorMessage error={cart.error} onRetry={() => void cart.refetch()} />;
  if (lines.length === 0) {
    return (
      <section className="panel">
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <Link to="/catalog" className="button">
          Browse the catalog
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1>Your cart</h1>
      {!cart.data?.pricesCurrent && <p className="notice">Prices could not be checked just now; checkout confirms them.</p>}
      <table className="cart">
        <caption className="visually-hidden">Items in your cart</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <CartRow key={line.productId} line={line} />
          ))}
        </tbody>
      </table>
      <div className="summary">
        <p>
          Subtotal ({cart.data!.itemCount} {cart.data!.itemCount === 1 ? "item" : "items"}):{" "}
          <strong>
            <Money amount={cart.data!.subtotal} currency={cart.data!.currency ?? "GBP"} />
          </strong>
        </p>
        {quote.data && <QuoteSummary quote={quote.data} />}
        {quote.isError && <p className="notice">{describeError(quote.error)}</p>}
        <button type="button" className="button" disabled={!canCheckOut} onClick={() => navigate("/checkout")}>
          Check out
        </button>
        {!canCheckOut && <p className="notice">Remove or change the items marked above to check out.</p>}
      </div>
    </section>
  );
}

export function CartRow({ line }: { line: CartLineView }) {
  const change = useCartChange();
  return (
    <tr>
      <th scope="row">
        <span className="line-thumb">
          <ProductPicture image={imageFromUrl(line.imageUrl, line.name)} renditions={["thumb"]} sizes="3rem" alt="" priority="eager" blank />
        </span>
        <Link to={`/products/${line.slug || line.productId}`}>{line.name}</Link>
        {line.variantLabel && <span className="variant-label"> ({line.variantLabel})</span>}
        {!line.available && <span className="notice"> — Not available</span>}
        {change.isError && <span className="notice"> — {describeError(change.error)}</span>}
      </th>
      <td>
        <Money amount={line.unitPrice} currency={line.currency} />
        {line.priceChanged && line.previousPrice !== null && (
          <span className="price-change" role="note">
            {" "}
            {line.unitPrice > line.previousPrice ? "Price went up" : "Price went down"} from {formatMoney(line.previousPrice, line.currency)}{" "}
            {/* Choosing the quantity again is seeing the new price: Orders stops pointing the change out. */}
            <button type="button" className="link-button" onClick={() => change.mutate({ kind: "set", productId: line.productId, quantity: line.quantity })}>
              OK
            </button>
          </span>
        )}
      </td>
      <td>
        <label>
          <span className="visually-hidden">Quantity of {line.name}</span>
          <QuantityInput quantity={line.quantity} onCommit={(quantity) => change.mutate({ kind: "set", productId: line.productId, quantity })} />
        </label>
      </td>
      <td>
        <Money amount={line.lineTotal} currency={line.currency} />
      </td>
      <td>
        <button type="button" className="link-button" onClick={() => change.mutate({ kind: "remove", productId: line.productId })}>
          Remove<span className="visually-hidden"> {line.name}</span>
        </button>
      </td>
    </tr>
  );
}

/** Commits whole numbers from 1 to the limit as they are typed; an emptied box waits for a number instead of removing the line. */
function QuantityInput({ quantity, onCommit }: { quantity: number; onCommit: (quantity: number) => void }) {
  const [text, setText] = useState(String(quantity));
  useEffect(() => setText(String(quantity)), [quantity]);
  return (
    <input
      type="number"
      min={1}
      max={maxQuantity}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const value = Number(e.target.value);
        if (e.target.value !== "" && Number.isInteger(value) && value >= 1 && value <= maxQuantity && value !== quantity) onCommit(value);
      }}
      onBlur={() => setText(String(quantity))}
    />
  );
}
