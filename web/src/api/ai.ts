import { query, request } from "./http";

// AI service: recommendations answer product ids with scores; the storefront names and prices them with the Products
// lookup, so AI never holds catalog data.

export interface RecommendationList {
  source: string;
  modelVersion: number;
  items: { productId: string; score: number }[];
}

export interface ModelVersionSummary {
  kind: string;
  version: number;
  trainedAt: string;
  algorithm: string;
  primaryMetric: number;
  promoted: boolean;
  serving: boolean;
  decision: string;
  /** As the trainer stored it: for recommenders a list of per-task, per-algorithm rows; for risk an object. */
  metrics: unknown;
}

export interface ModelsOverview {
  recommenderVersion: number;
  riskVersion: number;
  history: ModelVersionSummary[];
}

export interface TrainingOutcome {
  kind: string;
  version: number | null;
  promoted: boolean;
  metric: number | null;
  decision: string;
}

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
  train: () => request<{ outcomes: TrainingOutcome[] }>("/api/ai/models/train", { method: "POST" }),
};
