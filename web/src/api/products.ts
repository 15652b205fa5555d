import { query, request } from "./http";

// Products service (services/Products/Apis). Shapes follow CONVENTIONS.md where agreed (lookup) and an obvious REST
// shape elsewhere; the assumptions are listed in docs/storefront.md.

export interface ProductSummary {
  id: string;
  sku: string;
  name: string;
  slug: string;
  price: number;
  currency: string;
  available: number;
  active: boolean;
  imageUrl: string | null;
  category?: string;
  brand?: string;
}

export interface ProductImage {
  url: string;
  alt?: string | null;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  images: ProductImage[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  items: ProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: { categories: FacetValue[]; brands: FacetValue[] };
}

export type SortOrder = "relevance" | "price_asc" | "price_desc" | "name" | "newest";

export interface SearchParams {
  q?: string;
  category?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: SortOrder;
  page?: number;
  pageSize?: number;
  includeInactive?: boolean;
}

export interface Suggestion {
  id: string;
  name: string;
  slug: string;
}

export interface ProductInput {
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  brand: string;
  imageUrls: string[];
}

export interface StockAdjustment {
  delta: number;
  reason: string;
  at?: string;
}

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  adjustments: StockAdjustment[];
}

export const productsApi = {
  search: (params: SearchParams, signal?: AbortSignal) =>
    request<SearchResult>(`/api/products${query({ ...params })}`, { signal }).then(normaliseSearch),
  featured: (count = 8) => request<ProductSummary[]>(`/api/products/featured${query({ count })}`),
  autocomplete: (q: string, signal?: AbortSignal) =>
    request<Suggestion[]>(`/api/products/autocomplete${query({ q, limit: 8 })}`, { signal }),
  get: (idOrSlug: string) => request<ProductDetail>(`/api/products/${encodeURIComponent(idOrSlug)}`),
  lookup: (ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : request<ProductSummary[]>("/api/products/lookup", { method: "POST", body: { ids: ids.slice(0, 100) } }),
  create: (input: ProductInput) => request<ProductDetail>("/api/products", { method: "POST", body: input }),
  update: (id: string, input: ProductInput) => request<ProductDetail>(`/api/products/${id}`, { method: "PUT", body: input }),
  deactivate: (id: string) => request<void>(`/api/products/${id}/deactivate`, { method: "POST" }),
  activate: (id: string) => request<void>(`/api/products/${id}/activate`, { method: "POST" }),
  stock: (id: string) => request<StockLevel>(`/api/products/${id}/stock`),
  adjustStock: (id: string, adjustment: StockAdjustment) =>
    request<StockLevel>(`/api/products/${id}/stock/adjustments`, { method: "POST", body: adjustment }),
};

// Facets may be missing while the service grows; the pages always get arrays.
function normaliseSearch(result: SearchResult): SearchResult {
  return {
    items: result.items ?? [],
    total: result.total ?? result.items?.length ?? 0,
    page: result.page ?? 1,
    pageSize: result.pageSize ?? result.items?.length ?? 0,
    facets: { categories: result.facets?.categories ?? [], brands: result.facets?.brands ?? [] },
  };
}
