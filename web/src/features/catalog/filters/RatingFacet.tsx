import type { RatingCount } from "../api/products";

/**
 * "Customer rating": 4★ & up … 1★ & up with counts. One value at a time, so toggle buttons (aria-pressed) rather than
 * radios: arrow keys in a radio group would apply a filter per key press; here Tab moves and Enter or Space applies.
 */
export function RatingFacet({ options, selected, onChange }: { options: RatingCount[]; selected: number | undefined; onChange: (minRating: number | undefined) => void }) {
  if (options.length === 0 && selected === undefined) return null;
  return (
    <fieldset className="facet rating-facet">
      <legend>Customer rating</legend>
      <ul>
        {options.map((o) => (
          <li key={o.minRating}>
            <button
              type="button"
              className="link-button"
              aria-pressed={selected === o.minRating}
              onClick={() => onChange(selected === o.minRating ? undefined : o.minRating)}
            >
              {ratingFilterLabel(o.minRating)} <span className="count">({o.count})</span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export const ratingFilterLabel = (n: number) => `${n}★ & up`;

/** A rating from the URL: a whole number 1–4, else none (the service would refuse anything else). */
export const minRatingFrom = (value: string | null): number | undefined => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 && n <= 4 ? n : undefined;
};
