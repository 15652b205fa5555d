import type { components } from "../../../api/generated/ai";
import { query, request } from "../../../shared/api/http";

// AI service: recommendations answer product ids with scores; the storefront names and prices them with the Products
// lookup, so AI never holds catalog data. The shapes are generated from its OpenAPI document (openapi/ai.json,
// npm run api:types).

type Schemas = components["schemas"];

export type RecommendationList = Schemas["RecommendationList"];

export type ModelVersionSummary = Schemas["ModelVersionSummary"];

export type ModelsOverview = Schemas["ModelsOverview"];

export type TrainingOutcome = Schemas["TrainingOutcome"];

export type DriftReport = Schemas["DriftReport"];

export type ModelDrift = Schemas["ModelDrift"];

export const aiApi = {
  /** Personal for a signed-in customer (from the token's sub), else from the anonymous visitor's views. */
  recommendedForMe: (visitorId: string, limit = 8) =>
    request<RecommendationList>(`/api/ai/recommendations/for-me${query({ limit, visitorId })}`),
  similar: (productId: string, limit = 6) => request<RecommendationList>(`/api/ai/similar/${productId}${query({ limit })}`),
  boughtTogether: (productId: string, limit = 4) =>
    request<RecommendationList>(`/api/ai/recommendations/bought-together/${productId}${query({ limit })}`),
  recordView: (productId: string, visitorId: string) =>
    request<void>("/api/ai/events/views", { method: "POST", body: { visitorId, productIds: [productId] } }),
  models: () => request<ModelsOverview>("/api/ai/models"),
  /** Input drift of each serving model since it was trained (PSI per feature; computed on request, cached a minute). */
  drift: () => request<DriftReport>("/api/ai/models/drift"),
  train: () => request<{ outcomes: TrainingOutcome[] }>("/api/ai/models/train", { method: "POST" }),
};
