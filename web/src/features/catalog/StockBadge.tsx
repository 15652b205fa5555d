/** The shopper-facing stock state: a count when we know it (product page), else in or out of stock (lists). */
export function stockLabel(available: number | boolean): string {
  if (typeof available === "boolean") return available ? "In stock" : "Out of stock";
  if (available <= 0) return "Out of stock";
  if (available < 5) return `Only ${available} left`;
  return "In stock";
}

export function StockBadge({ available }: { available: number | boolean }) {
  const count = typeof available === "boolean" ? (available ? 5 : 0) : available;
  const tone = count <= 0 ? "out" : count < 5 ? "low" : "in";
  return <span className={`stock stock-${tone}`}>{stockLabel(available)}</span>;
}
