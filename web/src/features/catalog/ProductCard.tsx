import { useRef } from "react";
import { Link } from "react-router";
import type { ProductSummary } from "./api/products";
import { useCartChange, useCartDrawer } from "../cart";
import { Money } from "../../shared/ui/Money";
import { RatingStars } from "./RatingStars";
import { StockBadge } from "./StockBadge";
import { describeError } from "../../shared/ui/Status";
import { WishlistButton } from "./wishlist/WishlistButton";
import { ProductPicture, imageFromUrl } from "../../shared/ui/ProductPicture";

/** Lists show summaries; recommendation shelves show lookup items (with a count). Both have what a card needs. */
type CardProduct = Pick<ProductSummary, "id" | "name" | "slug" | "price" | "currency" | "imageUrl"> & {
  /** The image's stored alt text (lists only); without one the picture repeats the name beside it. */
  imageAlt?: string | null;
  inStock?: boolean;
  available?: number;
  rating?: number | null;
  reviews?: number;
  /** A family's card: its variants' price range and colours (lists only). */
  priceFrom?: number;
  priceTo?: number;
  swatches?: string[];
};

// A card is a grid cell of at least 9.5rem: about half a phone's width, a quarter to a sixth of a desktop's.
const cardRenditions = ["thumb", "card"] as const;
const cardSizes = "(max-width: 40rem) 50vw, (max-width: 64rem) 33vw, 16rem";

/** `eager` for the cards a page shows above the fold (their images may be its largest paint); the rest load lazily. */
export function ProductCard({ product, eager = false }: { product: CardProduct; eager?: boolean }) {
  const available = product.available ?? product.inStock ?? false;
  return (
    <li className="card">
      <Link to={`/products/${product.slug || product.id}`} className="card-link">
        <div className="card-image">
          {/* The name is the link's text beside it, so only a stored alt text adds anything for a screen reader (else alt=""). */}
          <ProductPicture image={imageFromUrl(product.imageUrl, product.name)} renditions={cardRenditions} sizes={cardSizes} alt={product.imageAlt ?? ""} priority={eager ? "eager" : undefined} />
        </div>
        <span className="card-name">{product.name}</span>
      </Link>
      {/* Always the line's height, rated or not, so the cards of a row (and their skeletons) line up. */}
      <div className="card-rating">{product.reviews ? <RatingStars average={product.rating} count={product.reviews} /> : null}</div>
      {product.swatches && product.swatches.length > 0 && (
        <ul className="card-swatches" aria-label={`Colours: ${product.swatches.join(", ")}`}>
          {product.swatches.map((c) => (
            <li key={c} className="swatch" style={{ background: c.toLowerCase() }} title={c} />
          ))}
        </ul>
      )}
      <div className="card-meta">
        {product.priceFrom !== undefined && product.priceTo !== undefined && product.priceFrom !== product.priceTo ? (
          <span>
            from <Money amount={product.priceFrom} currency={product.currency} />
          </span>
        ) : (
          <Money amount={product.price} currency={product.currency} />
        )}
        <StockBadge available={available} />
      </div>
      <div className="card-actions">
        <QuickAdd product={product} canBuy={typeof available === "number" ? available > 0 : available} />
        <WishlistButton product={product} className="card-save" />
      </div>
    </li>
  );
}

/**
 * One of the product into the cart from a list, then the cart drawer. It reads "Add" beside a cart; its name says which
 * product ("Add Enamel mug to cart", starting with the visible word, so speech control finds it), so a page of cards has
 * no two buttons alike and the product page's own "Add to cart" stays the only button of that name.
 */
function QuickAdd({ product, canBuy }: { product: CardProduct; canBuy: boolean }) {
  const change = useCartChange();
  const drawer = useCartDrawer();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button secondary card-add"
        aria-label={`Add ${product.name} to cart`}
        disabled={!canBuy || change.isPending}
        onClick={() =>
          change.mutate({ kind: "add", productId: product.id, quantity: 1 }, { onSuccess: () => drawer.open({ opener: button.current, added: product.name }) })
        }
      >
        <CartPlus /> Add
      </button>
      {change.isError && (
        <span className="field-error" role="alert">
          Not added: {describeError(change.error)}
        </span>
      )}
    </>
  );
}

/** A grid of product cards; the skeleton keeps the same boxes while loading so nothing jumps. */
export function ProductGrid({ products, label, className = "grid", eager = 0 }: { products: CardProduct[]; label: string; className?: string; eager?: number }) {
  return (
    <ul className={className} aria-label={label}>
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} eager={i < eager} />
      ))}
    </ul>
  );
}

/** Cards of the same parts and sizes as the real ones (image, two-line name, price, button), so nothing moves. */
export function ProductGridSkeleton({ count = 4, className = "grid" }: { count?: number; className?: string }) {
  return (
    <ul className={className} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="card skeleton">
          <span className="card-image" />
          <span className="card-name" />
          <span className="card-rating" />
          <span className="card-meta" />
          <span className="card-add" />
        </li>
      ))}
    </ul>
  );
}

/** A cart with a plus: what "Add" on a card puts things into. */
function CartPlus() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="card-add-icon">
      <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="9" cy="19" r="1.6" fill="currentColor" />
      <circle cx="17" cy="19" r="1.6" fill="currentColor" />
      <path d="M13 9.5v4M11 11.5h4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
