// The catalog feature's public entry: what other features may import from it (the rest of features/catalog/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { aiApi } from "./api/ai";
export type { DriftReport, ModelDrift, ModelsOverview, ModelVersionSummary } from "./api/ai";
export { productsApi } from "./api/products";
export type { CollectionItem, CollectionRequest, GalleryImage, ProductDetail, ProductSummary } from "./api/products";
export { reviewLimits, reviewsApi, stars } from "./api/reviews";
export type { AdminReviewItem } from "./api/reviews";
export { collectionHref } from "./home/Collection";
export { useProductImages } from "./useProductImages";
export * from "./queryKeys";
