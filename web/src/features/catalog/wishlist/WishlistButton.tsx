import { useWishlistIds, useWishlistToggle } from "./useWishlist";
import { describeError } from "../../../shared/ui/Status";

/**
 * The heart toggle on cards and the product page. Its name stays "Save <name> to wishlist" and aria-pressed says
 * whether it is saved (a toggle button's name does not change with its state); the visible word is always "Save",
 * the start of that name, so speech control finds it (on a phone's narrow card only the heart shows). Visitors save into this browser until they sign in.
 */
export function WishlistButton({ product, className = "" }: { product: { id: string; name: string }; className?: string }) {
  const { ids } = useWishlistIds();
  const toggle = useWishlistToggle();
  const saved = ids.has(product.id);
  return (
    <>
      <button
        type="button"
        className={`button secondary wishlist-toggle ${className}`.trim()}
        aria-pressed={saved}
        aria-label={`Save ${product.name} to wishlist`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate({ productId: product.id, save: !saved })}
      >
        <Heart filled={saved} /> <span className="wishlist-word">Save</span>
      </button>
      {toggle.isError && (
        <span className="field-error" role="alert">
          Not saved: {describeError(toggle.error)}
        </span>
      )}
    </>
  );
}

function Heart({ filled }: { filled: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="wishlist-heart">
      <path
        d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8 3.6 4.5 7.2 4.5c2 0 3.6 1.1 4.8 2.8 1.2-1.7 2.8-2.8 4.8-2.8 3.6 0 5.7 3.5 4.5 6.8-1.8 4.6-9.3 9.2-9.3 9.2Z"
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
