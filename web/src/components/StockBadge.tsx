export function stockLabel(available: number): string {
  if (available <= 0) return "Out of stock";
  if (available < 5) return `Only ${available} left`;
  return "In stock";
}

export function StockBadge({ available }: { available: number }) {
  const tone = available <= 0 ? "out" : available < 5 ? "low" : "in";
  return <span className={`stock stock-${tone}`}>{stockLabel(available)}</span>;
}
