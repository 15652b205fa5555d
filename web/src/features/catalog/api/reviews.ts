import type { components } from "../../../api/generated/products";
import { query, request, type Page, type RequestBody } from "../../../shared/api/http";

// Reviews (services/Products/Reviews): the approved reviews of a product are public; a shopper's own review needs a
// signed-in customer who bought the product (a 403 otherwise); moderation is admin. Plain text only: the storefront
// renders every field as text, never as HTML.

type Schemas = components["schemas"];

export type ReviewItem = Schemas["ReviewItem"];

/** One page of approved reviews, newest first, with the product's average and count. */
export type ReviewPage = Schemas["ReviewPage"];

export type MyReview = Schemas["MyReview"];

/** Whether the signed-in shopper may review the product (they bought it), and their review if they wrote one. */
export type MyReviewState = Schemas["MyReviewState"];

export type ReviewStatus = Schemas["ReviewStatus"];

export type ReviewRequest = RequestBody<Schemas["ReviewRequest"]>;

export type AdminReviewItem = Schemas["AdminReviewItem"];

/** The limits the service checks, so the form says them before the server does. */
export const reviewLimits = { title: 120, body: 4000, reason: 500 } as const;

export const reviewsApi = {
  page: (productId: string, cursor?: string, limit = 10) =>
    request<ReviewPage>(`/api/products/${productId}/reviews${query({ cursor, limit })}`),
  mine: (productId: string) => request<MyReviewState>(`/api/products/${productId}/reviews/mine`),
  save: (productId: string, review: ReviewRequest) =>
    request<MyReview>(`/api/products/${productId}/reviews/mine`, { method: "PUT", body: review }),
  remove: (productId: string) => request<void>(`/api/products/${productId}/reviews/mine`, { method: "DELETE" }),
  queue: (status: ReviewStatus = "Pending", cursor?: string) =>
    request<Page<AdminReviewItem>>(`/api/products/admin/reviews${query({ status, cursor, limit: 20 })}`),
  approve: (id: string) => request<AdminReviewItem>(`/api/products/admin/reviews/${id}/approve`, { method: "POST" }),
  reject: (id: string, reason: string) =>
    request<AdminReviewItem>(`/api/products/admin/reviews/${id}/reject`, { method: "POST", body: { reason } }),
};

/** "Rated 4.3 out of 5 from 12 reviews": what a screen reader hears for the stars. */
export function ratingLabel(average: number | null | undefined, count: number): string {
  if (!count || average == null) return "Not yet rated";
  return `Rated ${average.toFixed(1)} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`;
}

/** Five stars as text, filled to the nearest whole star: "★★★★☆". */
export function stars(rating: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return "★".repeat(filled) + "☆".repeat(5 - filled);
}
