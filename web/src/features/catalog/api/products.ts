import type { components } from "../../../api/generated/products";
import { query, request, type PageQuery, type RequestBody } from "../../../shared/api/http";

// Products service (services/Products/Apis): catalog reads and search are anonymous; create/update/deactivate,
// images and stock are admin. The shapes are its records, generated from its OpenAPI document (openapi/products.json,
// npm run api:types).

type Schemas = components["schemas"];

/** A product in a list or search result. */
export type ProductSummary = Schemas["ProductSummary"];

/** Live price and availability (POST /api/products/lookup, the contract agreed with Orders). */
export type ProductLookupItem = Schemas["ProductLookupItem"];

export type CategoryItem = Schemas["CategoryItem"];

export type BrandItem = Schemas["BrandItem"];

export type ProductDetail = Schemas["ProductDetail"];

/**
 * One of a product's images with every rendition (thumb, card, large, zoom) at its real size, in WebP and JPEG; `alt` is
 * its stored alt text (null: describe it by the product's name), `id` the upload's (null for an illustration).
 */
export type GalleryImage = Schemas["GalleryImage"];

export type GalleryRendition = Schemas["GalleryRendition"];

export type FacetCount = Schemas["FacetCount"];

/**
 * Counts for the current query: `total` and `inStock` with every filter; each facet's counts leave out that facet's
 * own filter, so the other values of a facet stay listed with the count choosing them as well would add.
 */
export type ProductFacets = Schemas["ProductFacets"];

/** A corrected search built from the catalog's words, offered when a search finds few products and it finds more. */
export type DidYouMean = Schemas["DidYouMean"];

/** One page (`next` fetches the following one); facets and any "did you mean" come beside it on the first page only. */
export type ProductPage = Schemas["ProductPage"];

export type SortOrder = "relevance" | "newest" | "price_asc" | "price_desc" | "best_selling" | "top_rated";

/** A list or search request. Several categories (or brands) match any of them; the facets and filters all apply together. */
export interface SearchParams extends PageQuery {
  q?: string;
  category?: string[];
  brand?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  /** Variants' option values (slugs, lower-cased): a family matches when one of its variants has any of them. */
  colour?: string[];
  size?: string[];
  /** 1–4: products whose approved reviews average at least this many stars. */
  minRating?: number;
  sort?: SortOrder;
}

export type Suggestion = Schemas["Suggestion"];

/** "n★ & up": how many products average at least `minRating` stars, counted without the rating filter itself. */
export type RatingCount = Schemas["RatingCount"];

/** A merchandised collection: a rule over the catalog (`kind: "rule"`) or a hand-picked list (`kind: "manual"`). */
export type CollectionItem = Schemas["CollectionItem"];

/** One page of a collection's products, with the collection itself. */
export type CollectionPage = Schemas["CollectionPage"];

export type CollectionRequest = RequestBody<Schemas["CollectionRequest"]>;

export type CreateProductRequest = RequestBody<Schemas["CreateProductRequest"]>;

/** An edit; `version` is the one read with the product (a stale one is a 409). */
export type UpdateProductRequest = RequestBody<Schemas["UpdateProductRequest"]>;

export type StockLevel = Schemas["StockLevel"];

export type StockAdjustment = Schemas["StockAdjustmentItem"];

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list query: single values as usual, each facet value as its own repeated parameter (`category=a&category=b`). */
export function searchQuery({ category = [], brand = [], colour = [], size = [], ...single }: SearchParams): string {
  const text = query({ ...single });
  const many = { category, brand, colour, size };
  const repeated = new URLSearchParams(Object.entries(many).flatMap(([name, values]) => values.map((v) => [name, v]))).toString();
  return repeated ? `${text || "?"}${text ? "&" : ""}${repeated}` : text;
}

export const productsApi = {
  search: (params: SearchParams, signal?: AbortSignal) => request<ProductPage>(`/api/products${searchQuery(params)}`, { signal }),
  /** The home page's featured shelf: the best sellers. */
  featured: (limit = 8) => request<ProductPage>(`/api/products${query({ sort: "best_selling", limit })}`).then((p) => p.items),
  suggestions: (q: string, signal?: AbortSignal) => request<Suggestion[]>(`/api/products/suggestions${query({ q, limit: 8 })}`, { signal }),
  get: (idOrSlug: string) =>
    request<ProductDetail>(guid.test(idOrSlug) ? `/api/products/${idOrSlug}` : `/api/products/by-slug/${encodeURIComponent(idOrSlug)}`),
  lookup: (ids: string[]): Promise<ProductLookupItem[]> =>
    ids.length === 0 ? Promise.resolve([]) : request<ProductLookupItem[]>("/api/products/lookup", { method: "POST", body: { ids: ids.slice(0, 100) } }),
  categories: () => request<CategoryItem[]>("/api/products/categories"),
  /** The home page's rows, in order. */
  homeCollections: () => request<CollectionItem[]>("/api/products/collections"),
  collection: (slug: string, params: PageQuery = {}, signal?: AbortSignal) =>
    request<CollectionPage>(`/api/products/collections/${encodeURIComponent(slug)}${query({ ...params })}`, { signal }),
  allCollections: () => request<CollectionItem[]>("/api/products/admin/collections"),
  createCollection: (input: CollectionRequest) => request<CollectionItem>("/api/products/admin/collections", { method: "POST", body: input }),
  updateCollection: (id: number, input: CollectionRequest) => request<CollectionItem>(`/api/products/admin/collections/${id}`, { method: "PUT", body: input }),
  deleteCollection: (id: number) => request<void>(`/api/products/admin/collections/${id}`, { method: "DELETE" }),
  reorderCollections: (ids: number[]) => request<CollectionItem[]>("/api/products/admin/collections/order", { method: "PUT", body: { ids } }),
  create: (input: CreateProductRequest) => request<ProductDetail>("/api/products", { method: "POST", body: input }),
  update: (id: string, input: UpdateProductRequest) => request<ProductDetail>(`/api/products/${id}`, { method: "PUT", body: input }),
  deactivate: (id: string) => request<void>(`/api/products/${id}`, { method: "DELETE" }),
  uploadImage: (id: string, file: File, alt?: string) => {
    const form = new FormData();
    form.append("file", file);
    if (alt?.trim()) form.append("alt", alt);
    return request<ProductDetail>(`/api/products/${id}/images`, { method: "POST", form });
  },
  /** Sets an uploaded image's alt text; blank clears it (the product's name is shown instead). */
  setImageAlt: (id: string, imageId: string, alt: string) =>
    request<ProductDetail>(`/api/products/${id}/images/${imageId}`, { method: "PUT", body: { alt } }),
  stock: (id: string) => request<StockLevel>(`/api/products/${id}/stock`),
  stockHistory: (id: string) => request<StockAdjustment[]>(`/api/products/${id}/stock/adjustments`),
  adjustStock: (id: string, delta: number, reason: string) =>
    request<StockAdjustment>(`/api/products/${id}/stock/adjustments`, { method: "POST", body: { delta, reason } }),
};
