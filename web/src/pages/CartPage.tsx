import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { cartStore, maxQuantity } from "../cart/cartStore";
import type { PricedLine } from "../cart/pricing";
import { usePricedCart } from "../cart/useCart";
import { Money, formatMoney } from "../components/Money";
import { ErrorMessage } from "../components/Status";

export function CartPage() {
  const cart = usePricedCart();
  const navigate = useNavigate();
  if (cart.lines.length === 0) {
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
      {cart.error && <ErrorMessage error={cart.error} />}
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
          {cart.lines.map((line) => (
            <CartRow key={line.productId} line={line} />
          ))}
        </tbody>
      </table>
      <div className="summary">
        <p>
          Subtotal ({cart.itemCount} {cart.itemCount === 1 ? "item" : "items"}): <strong><Money amount={cart.subtotal} currency={cart.currency} /></strong>
        </p>
        <p className="hint">Shipping is chosen at checkout.</p>
        <button type="button" className="button" disabled={!cart.canCheckOut || cart.isLoading} onClick={() => navigate("/checkout")}>
          Check out
        </button>
        {!cart.canCheckOut && !cart.isLoading && <p className="notice">Remove or change the items marked above to check out.</p>}
      </div>
    </section>
  );
}

export function CartRow({ line }: { line: PricedLine }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/products/${line.slug || line.productId}`}>{line.name}</Link>
        {line.problem && <span className="notice"> — {line.problem}</span>}
      </th>
      <td>
        <Money amount={line.unitPrice} currency={line.currency} />
        {line.priceChanged && (
          <span className="price-change" role="note">
            {" "}
            {line.unitPrice > line.priceWhenAdded ? "Price went up" : "Price went down"} from {formatMoney(line.priceWhenAdded, line.currency)}{" "}
            <button type="button" className="link-button" onClick={() => cartStore.acknowledgePrice(line.productId, line.unitPrice)}>
              OK
            </button>
          </span>
        )}
      </td>
      <td>
        <label>
          <span className="visually-hidden">Quantity of {line.name}</span>
          <QuantityInput productId={line.productId} quantity={line.quantity} />
        </label>
      </td>
      <td>
        <Money amount={line.lineTotal} currency={line.currency} />
      </td>
      <td>
        <button type="button" className="link-button" onClick={() => cartStore.remove(line.productId)}>
          Remove<span className="visually-hidden"> {line.name}</span>
        </button>
      </td>
    </tr>
  );
}

/** Commits whole numbers as they are typed; an emptied box waits for a number instead of removing the line. */
function QuantityInput({ productId, quantity }: { productId: string; quantity: number }) {
  const [text, setText] = useState(String(quantity));
  useEffect(() => setText(String(quantity)), [quantity]);
  return (
    <input
      type="number"
      min={0}
      max={maxQuantity}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const value = Number(e.target.value);
        if (e.target.value !== "" && Number.isInteger(value)) cartStore.setQuantity(productId, value);
      }}
      onBlur={() => setText(String(quantity))}
    />
  );
}
