import type { FamilyVariant, ProductOption } from "./api/families";
import { adminProductKeys } from "./queryKeys";

/** The query key of one family's back-office detail (under "products", so catalog changes refresh it). */
export const familyKey = (id: string) => adminProductKeys.family(id);

/** A variant's values in the family's option order, as shoppers read them: "Blue / M". */
export const labelOf = (options: ProductOption[], values: Record<string, string>): string =>
  options.map((o) => values[o.name]).filter(Boolean).join(" / ");

const same = (a: string | undefined, b: string | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/**
 * Every combination of the options' values that no variant has yet (hidden variants count: their combination stays
 * taken), in the options' display order, at most `limit` of them.
 */
export function missingCombinations(options: ProductOption[], variants: Pick<FamilyVariant, "options">[], limit = 50): Record<string, string>[] {
  const result: Record<string, string>[] = [];
  const walk = (at: number, values: Record<string, string>) => {
    if (result.length >= limit) return;
    if (at === options.length) {
      if (!variants.some((v) => options.every((o) => same(v.options[o.name], values[o.name])))) result.push(values);
      return;
    }
    for (const value of options[at]!.values) walk(at + 1, { ...values, [options[at]!.name]: value });
  };
  if (options.length > 0) walk(0, {});
  return result;
}

/** How many combinations the options allow in all. */
export const combinationCount = (options: ProductOption[]): number => options.reduce((n, o) => n * o.values.length, options.length ? 1 : 0);

/** "S, M, L" → ["S", "M", "L"]: the values in the order typed, blanks dropped. */
export const valuesOf = (text: string): string[] => text.split(",").map((v) => v.trim()).filter(Boolean);

/** Moves the item at `at` by `by` places (a copy). */
export function moved<T>(items: T[], at: number, by: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(at, 1);
  copy.splice(at + by, 0, item!);
  return copy;
}
