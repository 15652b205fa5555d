import type { ProductLookupItem } from "../api/products";
import type { CartLine } from "./cartStore";

/** A cart line priced against the catalog as it is now. */
export interface PricedLine extends CartLine {
  unitPrice: number;
  lineTotal: number;
  priceChanged: boolean;
  /** False when the product is gone, deactivated, or has fewer units than asked for. */
  purchasable: boolean;
  problem?: string;
}

export interface CartTotals {
  lines: PricedLine[];
  subtotal: number;
  currency: string;
  itemCount: number;
  canCheckOut: boolean;
}

export function priceCart(lines: readonly CartLine[], catalog: readonly ProductLookupItem[] | undefined): CartTotals {
  const byId = new Map((catalog ?? []).map((p) => [p.id, p]));
  const priced = lines.map((line): PricedLine => {
    const product = byId.get(line.productId);
    // Before the lookup answers, show the price the shopper saw; never claim a change we don't know of.
    if (!catalog) return { ...line, unitPrice: line.priceWhenAdded, lineTotal: line.priceWhenAdded * line.quantity, priceChanged: false, purchasable: true };
    if (!product || !product.active) {
      return { ...line, unitPrice: line.priceWhenAdded, lineTotal: 0, priceChanged: false, purchasable: false, problem: "No longer sold" };
    }
    const problem = product.available <= 0 ? "Out of stock" : product.available < line.quantity ? `Only ${product.available} left` : undefined;
    return {
      ...line,
      unitPrice: product.price,
      lineTotal: roundMoney(product.price * line.quantity),
      priceChanged: product.price !== line.priceWhenAdded,
      purchasable: problem === undefined,
      problem,
    };
  });
  return {
    lines: priced,
    subtotal: roundMoney(priced.reduce((sum, l) => sum + l.lineTotal, 0)),
    currency: lines[0]?.currency ?? "GBP",
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    canCheckOut: priced.length > 0 && priced.every((l) => l.purchasable),
  };
}

// Orders computes the charged shipping (and tax); these mirror its defaults (OrderTotals) only to show an estimate.
export const shippingFee = 4.95;
export const freeShippingFrom = 50;

export function estimatedShipping(subtotal: number): number {
  return subtotal >= freeShippingFrom ? 0 : shippingFee;
}

export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
