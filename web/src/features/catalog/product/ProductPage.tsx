import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { aiApi } from "../api/ai";
import { ApiError } from "../../../shared/api/http";
import { productsApi, type GalleryImage, type ProductDetail } from "../api/products";
import { maxQuantity, useCartChange, useCartDrawer } from "../../cart";
import { DeliveryPromise } from "./DeliveryPromise";
import { Money } from "../../../shared/ui/Money";
import { RecommendedProducts } from "../RecommendedProducts";
import { ErrorMessage, Loading, describeError } from "../../../shared/ui/Status";
import { StockBadge } from "../StockBadge";
import { RatingStars } from "../RatingStars";
import { CategoryBreadcrumbs } from "../navigation/Breadcrumbs";
import { ProductReviews } from "./ProductReviews";
import { visitorId } from "../../../shared/hooks/visitor";
import { usePageTitle } from "../../../shared/ui/usePageTitle";
import { WishlistButton } from "../wishlist/WishlistButton";
import { VariantPicker } from "./VariantPicker";
import { ProductGallery } from "./ProductGallery";
import { imageFromUrl } from "../../../shared/ui/ProductPicture";
import { productKeys, recommendationKeys } from "../queryKeys";

export function ProductPage() {
  const { idOrSlug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const product = useQuery({ queryKey: productKeys.detail(idOrSlug), queryFn: () => productsApi.get(idOrSlug) });
  const productId = product.data?.id;
  // The AI service learns "similar" and "for you" from views; losing one to a network blip costs nothing.
  useEffect(() => {
    if (productId) aiApi.recordView(productId, visitorId()).catch(() => {});
  }, [productId]);

  usePageTitle(product.data?.name ?? (product.isError ? "Product not found" : undefined));
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return (
        <section className="panel">
          <h1>Product not found</h1>
          <p>It may have been removed from the catalog.</p>
          <p>
            <Link to="/catalog">Back to the catalog</Link>
          </p>
        </section>
      );
    }
    return <ErrorMessage error={product.error} onRetry={() => void product.refetch()} />;
  }
  if (!product.data) return <Loading label="Loading product…" />;
  // A family's page shows the variant in the URL (?variant=id), else the one the link named; price, stock, image
  // and "Add to cart" are that variant's.
  const family = product.data.family;
  const variant = family?.variants.find((v) => v.id === params.get("variant")) ?? family?.variants.find((v) => v.id === product.data.id) ?? family?.variants[0];
  const p: ProductDetail = variant
    ? { ...product.data, id: variant.id, sku: variant.sku, price: variant.price, currency: variant.currency, available: variant.available, images: variant.imageUrl ? [variant.imageUrl] : product.data.images }
    : product.data;
  return (
    <>
      <div className="crumb-slot">
        <CategoryBreadcrumbs category={p.category.slug} current={p.name} />
      </div>
      <article className="product">
        <ProductGallery key={p.id} images={galleryOf(product.data, variant, family?.name ?? p.name)} name={family?.name ?? p.name} />
        <div className="product-info">
          <h1>{family?.name ?? p.name}</h1>
          <p>
            <a href="#reviews-heading">
              <RatingStars average={p.rating.average} count={p.rating.count} />
            </a>
          </p>
          <p className="price">
            <Money amount={p.price} currency={p.currency} />
          </p>
          {family && variant && (
            <VariantPicker family={family} selected={variant} onSelect={(v) => setParams({ variant: v.id }, { replace: true })} />
          )}
          <StockBadge available={p.available} />
          {!p.active && <p className="notice">This product is no longer sold.</p>}
          <AddToCart product={p} />
          <WishlistButton product={p} className="product-save" />
          <DeliveryPromise productId={p.id} canBuy={p.active && p.available > 0} />
          <p className="description">{p.description}</p>
          <p className="sku">
            {p.brand.name} · {p.category.name} · SKU {p.sku}
          </p>
          {Object.keys(p.attributes).length > 0 && (
            <dl className="attributes">
              {Object.entries(p.attributes).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </article>
      <ProductReviews product={p} />
      <RecommendedProducts queryKey={recommendationKeys.together(p.id)} load={() => aiApi.boughtTogether(p.id)} labels={boughtTogetherLabels} />
      <RecommendedProducts queryKey={recommendationKeys.similar(p.id)} load={() => aiApi.similar(p.id)} labels={similarLabels} />
    </>
  );
}

// Only a model's answer fills these sections: best-sellers are neither bought with this product nor like it.
const boughtTogetherLabels = { model: { title: "Bought together", note: "Shoppers who bought this often bought these in the same order." } };
const similarLabels = { model: { title: "Similar products", note: "Close to this one in name, category and price." } };

type Variant = NonNullable<ProductDetail["family"]>["variants"][number];

/**
 * The pictures to show: a picked variant's own first, then the page's other images (each once). A page or variant
 * from a service that sends no gallery yet falls back to its card URLs.
 */
function galleryOf(page: ProductDetail, variant: Variant | undefined, name: string): GalleryImage[] {
  const own = (gallery: GalleryImage[] | undefined, urls: (string | null)[]) =>
    gallery?.length ? gallery : urls.map((u) => imageFromUrl(u, name)).filter((i): i is GalleryImage => i !== null);
  const first = variant ? own(variant.gallery, [variant.imageUrl]) : [];
  const seen = new Set(first.map(cardUrl));
  return [...first, ...own(page.gallery, page.images).filter((i) => !seen.has(cardUrl(i)))];
}

const cardUrl = (image: GalleryImage) => (image.renditions.find((r) => r.name === "card") ?? image.renditions[0])?.url;

export function AddToCart({ product }: { product: ProductDetail }) {
  // The raw text, so clearing the box to type a new number works; it is clamped when the shopper adds.
  const [quantityText, setQuantityText] = useState("1");
  const [added, setAdded] = useState(false);
  const change = useCartChange();
  const drawer = useCartDrawer();
  const button = useRef<HTMLButtonElement>(null);
  const canBuy = product.active && product.available > 0;
  const limit = Math.min(maxQuantity, Math.max(1, product.available));
  return (
    <form
      className="add-to-cart"
      onSubmit={(e) => {
        e.preventDefault();
        const quantity = Math.max(1, Math.min(limit, Math.floor(Number(quantityText)) || 1));
        setQuantityText(String(quantity));
        setAdded(false);
        change.mutate({ kind: "add", productId: product.id, quantity }, {
          onSuccess: () => {
            setAdded(true);
            // The drawer shows the cart with checkout one step away; closing it gives focus back to this button.
            drawer.open({ opener: button.current, added: variantName(product) });
          },
        });
      }}
    >
      <label>
        Quantity{" "}
        <input type="number" min={1} max={limit} value={quantityText} disabled={!canBuy} onChange={(e) => setQuantityText(e.target.value)} />
      </label>
      <button ref={button} type="submit" className="button" disabled={!canBuy || change.isPending}>
        Add to cart
      </button>
      <p role="status" aria-live="polite" className="added">
        {added ? "Added to your cart." : change.isError ? `Not added: ${describeError(change.error)}` : ""}
      </p>
    </form>
  );
}

/** "Linen Shirt (Blue / M)" for a variant, the name alone otherwise. */
function variantName(product: ProductDetail): string {
  const v = product.family?.variants.find((x) => x.id === product.id);
  return v && product.family ? `${product.family.name} (${product.family.options.map((o) => v.options[o.name]).join(" / ")})` : product.name;
}
