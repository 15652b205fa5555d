import { Link } from "react-router";
import type { ProductSummary } from "../api/products";

/** Lists show summaries; recommendation shelves show lookup items (with a count). Both have what a card needs. */
type CardProduct = Pick<ProductSummary, "id" | "name" | "slug" | "price" | "currency" | "imageUrl"> & { inStock?: boolean; available?: number };
import { Money } from "./Money";
import { StockBadge } from "./StockBadge";

export function ProductCard({ product }: { product: CardProduct }) {
  return (
    <li className="card">
      <Link to={`/products/${product.slug || product.id}`} className="card-link">
        <div className="card-image">
          {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" width={320} height={320} /> : <span className="no-image">No image</span>}
        </div>
        <span className="card-name">{product.name}</span>
      </Link>
      <div className="card-meta">
        <Money amount={product.price} currency={product.currency} />
        <StockBadge available={product.available ?? product.inStock ?? false} />
      </div>
    </li>
  );
}

/** A grid of product cards; the skeleton keeps the same boxes while loading so nothing jumps. */
export function ProductGrid({ products, label }: { products: CardProduct[]; label: string }) {
  return (
    <ul className="grid" aria-label={label}>
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 4 }: { count?: number }) {
  return (
    <ul className="grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="card skeleton" />
      ))}
    </ul>
  );
}
