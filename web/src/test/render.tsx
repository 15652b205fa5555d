import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { vi } from "vitest";
import { AuthContext, type AuthState, type SignedInUser } from "../shared/auth/AuthContext";
import type { ProductDetail, ProductLookupItem } from "../features/catalog/api/products";

export const shopper: SignedInUser = { id: "user-a", name: "Ada", email: "ada@example.com", roles: ["customer"], accessToken: "token-a" };
export const admin: SignedInUser = { id: "admin-1", name: "Admin", roles: ["admin"], accessToken: "token-admin" };

/** Renders a page with a fresh query cache, a router at `route` and a fixed auth state. */
export function renderPage(ui: ReactElement, { route = "/", path = "*", user = null }: { route?: string; path?: string; user?: SignedInUser | null } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const auth: AuthState = {
    user,
    loading: false,
    signIn: vi.fn(async () => {}),
    signUp: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    completeSignIn: vi.fn(async () => "/"),
  };
  const result = render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={auth}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={ui} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
        </MemoryRouter>
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, auth, client };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => { status?: number; body?: unknown } | undefined;

/** Answers fetch from a route table (method + path) and records every request, so tests can assert what was sent. */
export function fakeGateway(routes: Record<string, Handler | { status?: number; body?: unknown }>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? "GET";
    const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string> | undefined) ?? {}));
    const request: RecordedRequest = { method, url, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const path = url.split("?")[0];
    const route = routes[`${method} ${path}`];
    const answer = typeof route === "function" ? route(request) : route;
    if (!answer) return new Response(JSON.stringify({ title: "Not found", status: 404 }), { status: 404 });
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}

/** A Products lookup item (live price and stock). */
export const product = (overrides: Partial<ProductLookupItem> = {}): ProductLookupItem => ({
  id: "p1",
  sku: "SKU-1",
  name: "Enamel mug",
  slug: "enamel-mug",
  price: 10,
  currency: "GBP",
  available: 20,
  active: true,
  imageUrl: null,
  taxClass: "standard",
  weightGrams: 500,
  categorySlugs: ["kitchen"],
  ...overrides,
});

/** A product page as Products answers it. */
export const productDetail = (overrides: Partial<ProductDetail> = {}): ProductDetail => ({
  ...product(),
  description: "Holds tea.",
  category: { id: 1, name: "Kitchen", slug: "kitchen", parentSlug: null },
  brand: { id: 1, name: "Northwind", slug: "northwind" },
  attributes: {},
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  images: [],
  gallery: [],
  version: 1,
  rating: { average: null, count: 0 },
  ...overrides,
});
