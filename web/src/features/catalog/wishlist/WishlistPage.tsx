import { Link } from "react-router";
import type { WishlistItem } from "./wishlistApi";
import { useAuth } from "../../../shared/auth/AuthContext";
import { useCartChange, useCartDrawer } from "../../cart";
import { EmptyState, ListSkeleton } from "../../../shared/ui/ListStates";
import { Money, formatMoney } from "../../../shared/ui/Money";
import { ErrorMessage, describeError } from "../../../shared/ui/Status";
import { StockBadge } from "../StockBadge";
import { usePageTitle } from "../../../shared/ui/usePageTitle";
import { ProductPicture, imageFromUrl } from "../../../shared/ui/ProductPicture";
import { useWishlistItems, useWishlistToggle } from "./useWishlist";

/**
 * The saved products: a customer's from their account, with "Was £x, now £y" and "Back in stock" measured against the
 * save; a visitor's from this browser (live prices, no marks), with a reminder that signing in keeps it.
 */
export default function WishlistPage() {
  usePageTitle("Wishlist");
  const { user, signIn } = useAuth();
  const wishlist = useWishlistItems();
  if (wishlist.isLoading) return <ListSkeleton rows={3} label="Loading your wishlist…" />;
  if (wishlist.error) return <ErrorMessage error={wishlist.error} onRetry={() => void wishlist.refetch()} />;
  const items = wishlist.items ?? [];
  return (
    <section>
      <h1>Wishlist</h1>
      {!user && (
        <p className="notice">
          Saved in this browser only.{" "}
          <button type="button" className="link-button" onClick={() => void signIn()}>
            Sign in
          </button>{" "}
          to keep your wishlist on every device.
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState action={<Link to="/catalog" className="button">Browse the catalog</Link>}>
          Your wishlist is empty. Save products with the heart to find them here.
        </EmptyState>
      ) : (
        <ul className="wishlist" aria-label="Saved products">
          {items.map((item) => (
            <WishlistRow key={item.productId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WishlistRow({ item }: { item: WishlistItem }) {
  const toggle = useWishlistToggle();
  const change = useCartChange();
  const drawer = useCartDrawer();
  const name = item.name ?? "A product no longer in the catalog";
  return (
    <li className="wishlist-item">
      <div className="wishlist-image">
        <ProductPicture image={imageFromUrl(item.imageUrl, name)} renditions={["thumb", "card"]} sizes="6rem" alt="" />
      </div>
      <div className="wishlist-details">
        {item.slug ? <Link to={`/products/${item.slug}`}>{name}</Link> : <span>{name}</span>}
        <p className="wishlist-price">
          {item.priceDropped && item.oldPrice != null && item.price != null ? (
            <span className="price-drop">
              Was <s>{formatMoney(item.oldPrice, item.currency)}</s>, now <strong>{formatMoney(item.price, item.currency)}</strong>
            </span>
          ) : item.price != null ? (
            <Money amount={item.price} currency={item.currency} />
          ) : null}
        </p>
        {item.backInStock && <span className="mark back-in-stock">Back in stock</span>}
        {item.active ? <StockBadge available={item.available} /> : <p className="notice">No longer sold.</p>}
      </div>
      <div className="wishlist-actions">
        <button
          type="button"
          className="button"
          aria-label={`Add to cart: ${name}`}
          disabled={!item.available || change.isPending}
          onClick={(e) => {
            const opener = e.currentTarget;
            change.mutate({ kind: "add", productId: item.productId, quantity: 1 }, { onSuccess: () => drawer.open({ opener, added: name }) });
          }}
        >
          Add to cart
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label={`Remove ${name} from wishlist`}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ productId: item.productId, save: false })}
        >
          Remove
        </button>
        {(change.isError || toggle.isError) && (
          <span className="field-error" role="alert">
            {change.isError ? `Not added: ${describeError(change.error)}` : `Not removed: ${describeError(toggle.error)}`}
          </span>
        )}
      </div>
    </li>
  );
}
