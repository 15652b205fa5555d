import { ratingLabel, stars } from "./api/reviews";

/** Stars as text with the accessible label "Rated 4.3 out of 5 from 12 reviews"; "Not yet rated" without reviews. */
export function RatingStars({ average, count }: { average: number | null | undefined; count: number }) {
  const label = ratingLabel(average, count);
  if (!count || average == null) return <span className="rating muted">{label}</span>;
  return (
    <span className="rating">
      <span role="img" aria-label={label}>
        {stars(average)}
      </span>{" "}
      <span aria-hidden="true">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  );
}
