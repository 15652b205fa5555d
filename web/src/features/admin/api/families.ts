import type { components } from "../../../api/generated/products";
import { query, request, type Page, type RequestBody } from "../../../shared/api/http";

// The back office's families (services/Products/Catalog/FamilyAdminEndpoints.cs), all admin-only: a family holds what its
// variants share and its options; each variant is a product row with its own SKU, price and stock.

type Schemas = components["schemas"];

export type ProductOption = Schemas["ProductOption"];

export type FamilySummary = Schemas["AdminFamilySummary"];

/** A family as the back office edits it: every variant, hidden ones included. */
export type FamilyDetail = Schemas["AdminFamilyDetail"];

export type FamilyVariant = Schemas["AdminVariantItem"];

export type CreateFamilyRequest = RequestBody<Schemas["CreateFamilyRequest"]>;

export type UpdateFamilyRequest = RequestBody<Schemas["UpdateFamilyRequest"]>;

export type CreateVariantRequest = RequestBody<Schemas["CreateVariantRequest"]>;

const base = "/api/products/families";

export const familiesApi = {
  list: (q: string, cursor?: string) => request<Page<FamilySummary>>(`${base}${query({ q: q || undefined, cursor, limit: 50 })}`),
  get: (id: string) => request<FamilyDetail>(`${base}/${id}`),
  /** Answers the new family (its id opens it for variants). */
  create: (input: CreateFamilyRequest) => request<{ id: string }>(base, { method: "POST", body: input }),
  update: (id: string, input: UpdateFamilyRequest) => request<FamilyDetail>(`${base}/${id}`, { method: "PUT", body: input }),
  updateOptions: (id: string, options: ProductOption[]) => request<FamilyDetail>(`${base}/${id}/options`, { method: "PUT", body: { options } }),
  addVariant: (familyId: string, input: CreateVariantRequest) => request<unknown>(`${base}/${familyId}/variants`, { method: "POST", body: input }),
  setVariantOptions: (variantId: string, optionValues: Record<string, string>) =>
    request<unknown>(`${base}/variants/${variantId}/options`, { method: "PUT", body: { optionValues } }),
  setVariantActive: (variantId: string, active: boolean) => request<FamilyDetail>(`${base}/variants/${variantId}/active`, { method: "PUT", body: { active } }),
};
