import type { CartLineView, CartView, QuoteView } from "../features/cart/api";
import type { RecordedRequest } from "./render";

type Answer = { status?: number; body?: unknown };
type Route = (request: RecordedRequest) => Answer | undefined;

/** A cart line as Orders answers it. */
export const cartLine = (overrides: Partial<CartLineView> = {}): CartLineView => ({
  productId: "p1",
  sku: "SKU-1",
  name: "Enamel mug",
  slug: "enamel-mug",
  imageUrl: null,
  quantity: 1,
  unitPrice: 10,
  currency: "GBP",
  lineTotal: 10,
  available: true,
  priceChanged: false,
  previousPrice: null,
  variantLabel: null,
  ...overrides,
});

const money = (value: number) => Math.round(value * 100) / 100;

/**
 * A stand-in for Orders' cart and quote endpoints for the page tests (the browser journeys use the real service): it
 * keeps lines, answers the cart, and quotes a GB order with standard (4.95, free from 50) or express (7.95) delivery,
 * VAT included. `fingerprint` changes with every number, as the real one does.
 */
export function fakeCart(initial: CartLineView[] = [], productIds: string[] = ["p1", "p2"]) {
  let lines = initial.map((l) => ({ ...l, lineTotal: money(l.unitPrice * l.quantity) }));
  const view = (): CartView => ({
    cartId: null,
    lines,
    priceChanges: [],
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    subtotal: money(lines.reduce((s, l) => s + l.lineTotal, 0)),
    currency: "GBP",
    pricesCurrent: true,
  });
  const quote = (url: string): QuoteView => {
    const subtotal = view().subtotal;
    const standard = { code: "uk-standard", name: "Standard delivery", zone: "United Kingdom", fee: subtotal >= 50 ? 0 : 4.95, earliestDelivery: "2026-12-04", latestDelivery: "2026-12-08" };
    const express = { code: "uk-express", name: "Express delivery", zone: "United Kingdom", fee: 7.95, earliestDelivery: "2026-12-03", latestDelivery: "2026-12-03" };
    const shipping = url.includes("shippingMethod=uk-express") ? express : standard;
    const total = money(subtotal + shipping.fee);
    const tax = money(total / 6);
    return {
      currency: "GBP", pricesIncludeTax: true, country: "GB",
      lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.lineTotal, discount: 0, tax: money(l.lineTotal / 6), taxRate: 0.2, taxClass: "standard", variantLabel: l.variantLabel })),
      subtotal, discount: 0, discountCode: null, discountDescription: null, shipping, shippingOptions: [standard, express],
      taxes: [{ rate: 0.2, net: money(total - tax), tax }], tax, total, totalMinor: Math.round(total * 100),
      fingerprint: `${shipping.code}-${Math.round(total * 100)}`.padEnd(32, "0").slice(0, 32),
    };
  };
  const set = (productId: string, quantity: number | null) => {
    lines = quantity === null
      ? lines.filter((l) => l.productId !== productId)
      : lines.map((l) => (l.productId === productId ? { ...l, quantity, lineTotal: money(l.unitPrice * quantity), priceChanged: false, previousPrice: null } : l));
  };
  const routes: Record<string, Route> = {
    "GET /api/orders/cart": () => ({ body: view() }),
    "POST /api/orders/cart/merge": () => ({ body: { cart: view(), notMerged: [] } }),
    "GET /api/orders/cart/quote": (r) => (lines.length === 0 ? { status: 404 } : { body: quote(r.url) }),
    "POST /api/orders/cart/lines": (r) => {
      const { productId, quantity } = r.body as { productId: string; quantity: number };
      const existing = lines.find((l) => l.productId === productId);
      if (existing) set(productId, existing.quantity + quantity);
      else lines = [...lines, cartLine({ productId, quantity, lineTotal: money(10 * quantity) })];
      return { body: view() };
    },
  };
  for (const id of productIds) {
    routes[`PUT /api/orders/cart/lines/${id}`] = (r) => {
      set(id, (r.body as { quantity: number }).quantity);
      return { body: view() };
    };
    routes[`DELETE /api/orders/cart/lines/${id}`] = () => {
      set(id, null);
      return { body: view() };
    };
  }
  return { routes, lines: () => lines, quote };
}
