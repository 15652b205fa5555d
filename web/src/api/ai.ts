import { query, request } from "./http";

// AI service: recommendations answer product ids with scores; the storefront prices and names them with the
// Products lookup, so AI never has to hold catalog data.

export interface Recommendation {
  productId: string;
  score: number;
}

export interface ModelMetrics {
  k: number;
  precisionAtK: number;
  recallAtK: number;
  ndcgAtK: number;
  baselinePrecisionAtK?: number;
  baselineNdcgAtK?: number;
}

export interface ModelVersion {
  kind: string;
  version: number;
  trainedAt: string;
  active: boolean;
  metrics: ModelMetrics;
}

export const aiApi = {
  recommendedForMe: (count = 8) => request<Recommendation[]>(`/api/ai/recommendations${query({ count })}`),
  similar: (productId: string, count = 6) => request<Recommendation[]>(`/api/ai/products/${productId}/similar${query({ count })}`),
  boughtTogether: (productId: string, count = 4) =>
    request<Recommendation[]>(`/api/ai/products/${productId}/bought-together${query({ count })}`),
  models: () => request<ModelVersion[]>("/api/ai/models"),
  train: (kind: string) => request<void>(`/api/ai/models/${encodeURIComponent(kind)}/train`, { method: "POST" }),
};
