const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency = "GBP"): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amount);
}

export function Money({ amount, currency }: { amount: number; currency?: string }) {
  return <span className="money">{formatMoney(amount, currency)}</span>;
}
