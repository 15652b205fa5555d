import { query, request, type Page, type PageQuery } from "./http";

// Products service (services/Products/Apis): catalog reads and search are anonymous; create/update/deactivate,
// images and stock are admin. Shapes mirror its response records (ProductSummary, ProductDetail, ProductPage, …).

/** A product in a list or search result. */
export interface ProductSummary {
  id: string;
  sku: string;
  name: string;
  slug: string;
  price: number;
  currency: string;
  category: string;
  brand: string;
  inStock: boolean;
  imageUrl: string | null;
}

/** Live price and availability (POST /api/products/lookup, the contract agreed with Orders). */
export interface ProductLookupItem {
  id: string;
  sku: string;
  name: string;
  slug: string;
  price: number;
  currency: string;
  available: number;
  active: boolean;
  imageUrl: string | null;
}

export interface CategoryItem {
  id: number;
  name: string;
  slug: string;
  parentSlug: string | null;
}

export interface BrandItem {
  id: number;
  name: string;
  slug: string;
}

export interface ProductDetail {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string;
  price: number;
  currency: string;
  category: CategoryItem;
  brand: BrandItem;
  attributes: Record<string, string>;
  images: string[];
  available: number;
  active: boolean;
  version: number;
}

export interface FacetCount {
  slug: string;
  name: string;
  count: number;
}

export interface ProductFacets {
  total: number;
  categories: FacetCount[];
  brands: FacetCount[];
  priceRanges: { min: number | null; max: number | null; count: number }[];
  inStock: number;
}

/** One page (`next` fetches the following one); facets come beside it on the first page only. */
export interface ProductPage extends Page<ProductSummary> {
  facets: ProductFacets | null;
}

export type SortOrder = "relevance" | "newest" | "price_asc" | "price_desc" | "best_selling";

export interface SearchParams extends PageQuery {
  q?: string;
  category?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: SortOrder;
}

export interface Suggestion {
  name: string;
  slug: string;
}

export interface CreateProductRequest {
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  brand: string;
  initialStock?: number;
}

/** An edit; `version` is the one read with the product (a stale one is a 409). */
export interface UpdateProductRequest {
  name: string;
  description: string;
  price: number;
  category: string;
  brand: string;
  active?: boolean;
  version: number;
}

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  available: number;
  reserved: number;
  sold: number;
  reorderLevel: number;
}

export interface StockAdjustment {
  id: number;
  delta: number;
  reason: string;
  actor: string;
  availableAfter: number;
  at: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const productsApi = {
  search: (params: SearchParams, signal?: AbortSignal) => request<ProductPage>(`/api/products${query({ ...params })}`, { signal }),
  /** The home page's featured shelf: the best sellers. */
  featured: (limit = 8) => request<ProductPage>(`/api/products${query({ sort: "best_selling", limit })}`).then((p) => p.items),
  suggestions: (q: string, signal?: AbortSignal) => request<Suggestion[]>(`/api/products/suggestions${query({ q, limit: 8 })}`, { signal }),
  get: (idOrSlug: string) =>
    request<ProductDetail>(guid.test(idOrSlug) ? `/api/products/${idOrSlug}` : `/api/products/by-slug/${encodeURIComponent(idOrSlug)}`),
  lookup: (ids: string[]): Promise<ProductLookupItem[]> =>
    ids.length === 0 ? Promise.resolve([]) : request<ProductLookupItem[]>("/api/products/lookup", { method: "POST", body: { ids: ids.slice(0, 100) } }),
  categories: () => request<CategoryItem[]>("/api/products/categories"),
  create: (input: CreateProductRequest) => request<ProductDetail>("/api/products", { method: "POST", body: input }),
  update: (id: string, input: UpdateProductRequest) => request<ProductDetail>(`/api/products/${id}`, { method: "PUT", body: input }),
  deactivate: (id: string) => request<void>(`/api/products/${id}`, { method: "DELETE" }),
  uploadImage: (id: string, file: File) => {
    const form = new FormData();
    form.append("file", file);
    return request<ProductDetail>(`/api/products/${id}/images`, { method: "POST", form });
  },
  stock: (id: string) => request<StockLevel>(`/api/products/${id}/stock`),
  stockHistory: (id: string) => request<StockAdjustment[]>(`/api/products/${id}/stock/adjustments`),
  adjustStock: (id: string, delta: number, reason: string) =>
    request<StockAdjustment>(`/api/products/${id}/stock/adjustments`, { method: "POST", body: { delta, reason } }),
};
