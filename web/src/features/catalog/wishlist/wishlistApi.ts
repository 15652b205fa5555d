import type { components } from "../../../api/generated/users";
import { request } from "../../../shared/api/http";

// The signed-in customer's wishlist, kept by the Users service with live prices from Products (services/Users/Wishlist).
// The shapes are generated from Users' OpenAPI document (openapi/users.json, npm run api:types).

type Schemas = components["schemas"];

export type WishlistItem = Schemas["WishlistItemView"];

export type Wishlist = Schemas["WishlistView"];

export type WishlistMergeResult = Schemas["WishlistMergeResult"];

export const wishlistApi = {
  get: () => request<Wishlist>("/api/users/me/wishlist"),
  /** Idempotent: saving a saved product answers it as first saved. Unknown or no-longer-sold products: 400 naming productId. */
  save: (productId: string) => request<WishlistItem>(`/api/users/me/wishlist/${productId}`, { method: "PUT" }),
  remove: (productId: string) => request<void>(`/api/users/me/wishlist/${productId}`, { method: "DELETE" }),
  /** At sign-in: the anonymous visitor's list joins the account's (deduplicated, capped); the answer says what was not saved. */
  merge: (productIds: string[]) => request<WishlistMergeResult>("/api/users/me/wishlist/merge", { method: "POST", body: { productIds } }),
};
