// The shopper's cart as it stands in this browser. Anonymous shoppers can fill it before signing up; at checkout it is
// written to the Orders service's cart, which re-prices it with the Products lookup. Kept in localStorage so a
// sign-in redirect (which leaves the page) does not lose it.

export interface CartLine {
  productId: string;
  name: string;
  slug: string;
  /** The unit price when the shopper added it: the cart shows a change against this. */
  priceWhenAdded: number;
  currency: string;
  imageUrl: string | null;
  quantity: number;
}

export const maxQuantity = 99;
const storageKey = "ecommerce.cart.v1";
type Listener = () => void;

export class CartStore {
  private lines: CartLine[];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null = typeof localStorage === "undefined" ? null : localStorage) {
    this.lines = this.load();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getLines = (): readonly CartLine[] => this.lines;

  add(line: Omit<CartLine, "quantity">, quantity = 1): void {
    const existing = this.lines.find((l) => l.productId === line.productId);
    const next = clamp((existing?.quantity ?? 0) + quantity);
    this.commit(
      existing
        ? this.lines.map((l) => (l.productId === line.productId ? { ...l, quantity: next } : l))
        : [...this.lines, { ...line, quantity: next }],
    );
  }

  setQuantity(productId: string, quantity: number): void {
    if (quantity <= 0) return this.remove(productId);
    this.commit(this.lines.map((l) => (l.productId === productId ? { ...l, quantity: clamp(quantity) } : l)));
  }

  /** Accepts the current price so the "price changed" notice goes away once the shopper has seen it. */
  acknowledgePrice(productId: string, price: number): void {
    this.commit(this.lines.map((l) => (l.productId === productId ? { ...l, priceWhenAdded: price } : l)));
  }

  remove(productId: string): void {
    this.commit(this.lines.filter((l) => l.productId !== productId));
  }

  clear(): void {
    this.commit([]);
  }

  count(): number {
    return this.lines.reduce((sum, l) => sum + l.quantity, 0);
  }

  private commit(lines: CartLine[]): void {
    this.lines = lines;
    this.storage?.setItem(storageKey, JSON.stringify(lines));
    this.listeners.forEach((l) => l());
  }

  private load(): CartLine[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(storageKey) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter(isCartLine) : [];
    } catch {
      return [];
    }
  }
}

function clamp(quantity: number): number {
  return Math.max(1, Math.min(maxQuantity, Math.floor(quantity)));
}

function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.productId === "string" && typeof v.quantity === "number" && typeof v.priceWhenAdded === "number";
}

export const cartStore = new CartStore();
