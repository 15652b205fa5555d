// The catalog's query keys, built in one place so a page, its hooks and whoever invalidates them name the same key.
// Each key starts with its family's `all`, so invalidating a family reaches every key under it: the back office's
// `productKeys.all` after an edit refreshes the storefront's lists, details and collections too.

export const productKeys = {
  all: ["products"] as const,
  categories: () => [...productKeys.all, "categories"] as const,
  search: (search: object) => [...productKeys.all, "search", search] as const,
  details: () => [...productKeys.all, "detail"] as const,
  detail: (idOrSlug: string | undefined) => [...productKeys.details(), idOrSlug] as const,
  images: (ids: readonly string[]) => [...productKeys.all, "images", ids] as const,
  homeCollections: () => [...productKeys.all, "collections", "home"] as const,
  collection: (slug: string, size: number) => [...productKeys.all, "collection", slug, size] as const,
  collectionPage: (slug: string) => [...productKeys.all, "collection-page", slug] as const,
};

/** The search box's suggestions and the product page's delivery promise: not under `products`, as before. */
export const searchKeys = {
  autocomplete: (term: string) => ["autocomplete", term] as const,
};

export const deliveryKeys = {
  quote: (productId: string) => ["delivery-quote", productId] as const,
};

export const reviewKeys = {
  all: ["reviews"] as const,
  product: (productId: string) => [...reviewKeys.all, productId] as const,
  mine: (productId: string, userId: string | undefined) => [...reviewKeys.product(productId), "mine", userId] as const,
};

/** An AI list by what it is ("for-me", "together", "similar") and whom or what it is for. */
export type RecommendationKey = readonly ["for-me" | "together" | "similar", string];

export const recommendationKeys = {
  all: ["recommended"] as const,
  forMe: (userId: string | undefined): RecommendationKey => ["for-me", userId ?? "visitor"],
  together: (productId: string): RecommendationKey => ["together", productId],
  similar: (productId: string): RecommendationKey => ["similar", productId],
  list: (list: RecommendationKey) => [...recommendationKeys.all, ...list] as const,
};

export const wishlistKeys = {
  all: ["wishlist"] as const,
  account: (userId: string | undefined) => [...wishlistKeys.all, userId] as const,
  local: (ids: readonly string[]) => [...wishlistKeys.all, "local", ids] as const,
  merge: (userId: string | undefined) => ["wishlist-merge", userId] as const,
};
