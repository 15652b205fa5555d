// Payments counts money in the currency's minor units (pence); pages show and accept major units (pounds). The
// number of decimals comes from the browser's ISO 4217 data, the same table Payments' MinorUnits follows.

import { formatMoney } from "./Money";

const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function fromMinor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

export function formatMinor(amountMinor: number, currency: string): string {
  return formatMoney(fromMinor(amountMinor, currency), currency);
}

/**
 * Reads an amount typed in major units ("12.5", "12.50") as an exact whole number of minor units, without floating
 * point rounding; null when it is not a positive amount with at most the currency's decimals.
 */
export function parseToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return minor > 0 ? minor : null;
}
