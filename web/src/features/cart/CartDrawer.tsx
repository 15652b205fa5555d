import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Link, useLocation } from "react-router";
import { Money } from "../../shared/ui/Money";
import { ProductPicture, imageFromUrl } from "../../shared/ui/ProductPicture";
import { ErrorMessage } from "../../shared/ui/Status";
import { CartDrawerContext, type CartDrawerOpening } from "./cartDrawerContext";
import { useCart } from "./useCart";

/**
 * Holds the cart drawer for the layout: adding to cart, or the header's cart link, opens it over the page. Following
 * one of its links (or Back) closes it without handing focus back, since the new page's heading takes focus then.
 */
export function CartDrawerProvider({ children }: { children: ReactNode }) {
  const [opening, setOpening] = useState<CartDrawerOpening | null>(null);
  const { pathname } = useLocation();
  useEffect(() => setOpening(null), [pathname]);
  const controls = useMemo(() => ({ open: (o: CartDrawerOpening = {}) => setOpening(o), available: true }), []);
  return (
    <CartDrawerContext.Provider value={controls}>
      {children}
      {opening && <CartDrawer opening={opening} onClose={() => setOpening(null)} />}
    </CartDrawerContext.Provider>
  );
}

const focusable = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/**
 * A modal dialog from the right (the whole width on a phone): the cart's lines and subtotal as Orders priced them,
 * with checkout one step away. Focus moves in and stays in; Escape, the close button, "Continue shopping" and the
 * backdrop close it and give focus back to what opened it. The page behind keeps its scroll position and its layout.
 */
function CartDrawer({ opening, onClose }: { opening: CartDrawerOpening; onClose: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  const giveFocusBack = useRef(false);
  const cart = useCart();
  const { opener } = opening;

  useEffect(() => {
    // The page behind stops scrolling; the scrollbar that goes with it is made up for by as much padding, so
    // nothing behind the drawer moves sideways (on phones, whose scrollbars overlay the page, that is nothing).
    const root = document.documentElement;
    const body = document.body;
    const scrollbar = window.innerWidth - root.clientWidth;
    const [overflow, padding] = [root.style.overflow, body.style.paddingRight];
    root.style.overflow = "hidden";
    if (scrollbar > 0) body.style.paddingRight = `${scrollbar}px`;
    panel.current?.focus();
    // Focus that lands behind the dialog (a click outside the panel, a script) comes back into it.
    const keepFocusIn = (e: FocusEvent) => {
      if (panel.current && e.target instanceof Node && !panel.current.contains(e.target)) panel.current.focus();
    };
    document.addEventListener("focusin", keepFocusIn);
    return () => {
      document.removeEventListener("focusin", keepFocusIn);
      root.style.overflow = overflow;
      body.style.paddingRight = padding;
      if (giveFocusBack.current && opener?.isConnected) opener.focus();
    };
  }, [opener]);

  const close = () => {
    giveFocusBack.current = true;
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (!first || !last) e.preventDefault();
    else if (e.shiftKey && (active === first || active === panel.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const lines = cart.data?.lines ?? [];
  const canCheckOut = lines.length > 0 && lines.every((l) => l.available);
  return createPortal(
    <div className="drawer-layer">
      <div className="drawer-backdrop" aria-hidden="true" onClick={close} />
      <div
        ref={panel}
        className="cart-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cart-drawer-title"
        aria-describedby={opening.added ? "cart-drawer-added" : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="cart-drawer-head">
          <h2 id="cart-drawer-title">Your cart</h2>
          <button type="button" className="drawer-close" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {opening.added && (
          <p id="cart-drawer-added" className="drawer-added">
            ✓ {opening.added} is in your cart.
          </p>
        )}
        <div className="drawer-body">
          {cart.isError ? (
            <ErrorMessage error={cart.error} onRetry={() => void cart.refetch()} />
          ) : !cart.data ? (
            <ul className="drawer-lines" aria-hidden="true">
              <li className="drawer-line skeleton" />
              <li className="drawer-line skeleton" />
            </ul>
          ) : lines.length === 0 ? (
            <p className="drawer-empty">Your cart is empty.</p>
          ) : (
            <ul className="drawer-lines" aria-label="Items in your cart">
              {lines.map((line) => (
                <li key={line.productId} className="drawer-line">
                  <span className="drawer-thumb">
                    {line.imageUrl && <ProductPicture image={imageFromUrl(line.imageUrl, line.name)} renditions={["thumb"]} sizes="3.5rem" alt="" priority="eager" />}
                  </span>
                  <span className="drawer-line-text">
                    <Link to={`/products/${line.slug || line.productId}`} onClick={onClose}>
                      {line.name}
                    </Link>
                    {line.variantLabel && <span className="variant-label">{line.variantLabel}</span>}
                    <span className="hint">Quantity {line.quantity}</span>
                    {!line.available && <span className="notice">Not available</span>}
                  </span>
                  <Money amount={line.lineTotal} currency={line.currency} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="drawer-foot">
          {cart.data && lines.length > 0 && (
            <>
              <p className="drawer-subtotal">
                <span>
                  Subtotal ({cart.data.itemCount} {cart.data.itemCount === 1 ? "item" : "items"})
                </span>
                <strong>
                  <Money amount={cart.data.subtotal} currency={cart.data.currency ?? "GBP"} />
                </strong>
              </p>
              <p className="hint">{cart.data.pricesCurrent ? "Delivery and any discount code are added at checkout." : "Prices could not be checked just now; checkout confirms them."}</p>
              {!canCheckOut && <p className="notice">Some items are not available: change them in your cart to check out.</p>}
            </>
          )}
          <div className="drawer-actions">
            {canCheckOut ? (
              <Link to="/checkout" className="button" onClick={onClose}>
                Checkout
              </Link>
            ) : (
              <button type="button" className="button" disabled>
                Checkout
              </button>
            )}
            <Link to="/cart" className="button secondary" onClick={onClose}>
              View cart
            </Link>
            <button type="button" className="button secondary" onClick={close}>
              Continue shopping
            </button>
          </div>
        </div>
      </div>
    </div>,
    document.body,
  );
}
