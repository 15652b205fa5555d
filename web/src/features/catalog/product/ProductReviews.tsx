import { useState } from "react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../shared/api/http";
import type { ProductDetail } from "../api/products";
import { reviewLimits, reviewsApi, stars, type MyReview, type ReviewItem } from "../api/reviews";
import { useAuth } from "../../../shared/auth/AuthContext";
import { ConfirmButton } from "../../../shared/ui/Confirm";
import { RatingStars } from "../RatingStars";
import { Pager } from "../../../shared/ui/Pager";
import { ErrorMessage, describeError } from "../../../shared/ui/Status";
import { productKeys, reviewKeys } from "../queryKeys";

// Every text here comes from shoppers: React renders it as text (escaped), never as HTML.

/** The product page's reviews: the average, the approved reviews (newest first) and the shopper's own review. */
export function ProductReviews({ product }: { product: ProductDetail }) {
  const reviews = useInfiniteQuery({
    queryKey: reviewKeys.product(product.id),
    queryFn: ({ pageParam }) => reviewsApi.page(product.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const first = reviews.data?.pages[0];
  const items = reviews.data?.pages.flatMap((p) => p.items);
  return (
    <section className="reviews panel" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <p>
        <RatingStars average={first?.average ?? product.rating.average} count={first?.count ?? product.rating.count} />
      </p>
      <MyReviewPanel productId={product.id} />
      {reviews.isError ? (
        <ErrorMessage error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : !items ? (
        // Holds about one review's height so the page does not jump when they arrive.
        <div className="review-skeleton" role="status" aria-live="polite">
          <span className="visually-hidden">Loading reviews…</span>
        </div>
      ) : items.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <ol className="review-list">
          {items.map((r) => (
            <ReviewEntry key={r.id} review={r} />
          ))}
        </ol>
      )}
      <Pager hasNext={reviews.hasNextPage} loading={reviews.isFetchingNextPage} onNext={() => void reviews.fetchNextPage()} label="More reviews" />
    </section>
  );
}

function ReviewEntry({ review }: { review: ReviewItem }) {
  return (
    <li className="review">
      <article aria-label={`${review.title} by ${review.authorName}`}>
        <h3>
          <span role="img" aria-label={`${review.rating} out of 5`}>
            {stars(review.rating)}
          </span>{" "}
          {review.title}
        </h3>
        <p className="review-meta">
          {review.authorName} · <time dateTime={review.createdAt}>{new Date(review.createdAt).toLocaleDateString("en-GB")}</time>
        </p>
        <p className="review-body">{review.body}</p>
      </article>
    </li>
  );
}

const statusWords: Record<MyReview["status"], string> = {
  Pending: "Waiting for moderation: it appears here once approved.",
  Approved: "Published.",
  Rejected: "Not published.",
};

/** The signed-in shopper's own review: a form if they bought the product, a sentence saying why not otherwise. */
function MyReviewPanel({ productId }: { productId: string }) {
  const { user, signIn } = useAuth();
  const mine = useQuery({ queryKey: reviewKeys.mine(productId, user?.id), queryFn: () => reviewsApi.mine(productId), enabled: !!user });
  if (!user) {
    return (
      <p>
        <button type="button" className="link-button" onClick={() => void signIn(window.location.pathname)}>
          Sign in to review this product
        </button>
      </p>
    );
  }
  if (mine.isError) return <ErrorMessage error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <div className="review-form-skeleton" aria-hidden="true" />;
  if (!mine.data.canReview) return <p className="notice">Only customers who bought this can review it.</p>;
  return <ReviewForm productId={productId} review={mine.data.review} />;
}

function ReviewForm({ productId, review }: { productId: string; review: MyReview | null }) {
  const client = useQueryClient();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [title, setTitle] = useState(review?.title ?? "");
  const [body, setBody] = useState(review?.body ?? "");
  const [saved, setSaved] = useState(false);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: reviewKeys.product(productId) }), client.invalidateQueries({ queryKey: productKeys.details() })]);
  const save = useMutation({ mutationFn: () => reviewsApi.save(productId, { rating, title, body }), onSuccess: () => { setSaved(true); return refresh(); } });
  const remove = useMutation({
    mutationFn: () => reviewsApi.remove(productId),
    onSuccess: () => {
      setRating(0);
      setTitle("");
      setBody("");
      setSaved(false);
      return refresh();
    },
  });
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const unexpected = save.error && !(["rating", "title", "body"] as const).some((f) => fieldError(f));
  return (
    <form
      className="review-form"
      aria-label={review ? "Edit your review" : "Write a review"}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <h3>{review ? "Your review" : "Write a review"}</h3>
      {review && (
        <p className={`review-status ${review.status.toLowerCase()}`} role="status">
          {statusWords[review.status]}
          {review.status === "Rejected" && review.rejectionReason && <> Reason: {review.rejectionReason}</>}
        </p>
      )}
      <fieldset aria-describedby={fieldError("rating") ? "review-rating-error" : undefined}>
        <legend>Your rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="star-choice">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} /> {n} {n === 1 ? "star" : "stars"}
          </label>
        ))}
        {fieldError("rating") && <p id="review-rating-error" className="field-error">{fieldError("rating")}</p>}
      </fieldset>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={reviewLimits.title} required aria-invalid={!!fieldError("title")} />
      </label>
      {fieldError("title") && <p className="field-error">{fieldError("title")}</p>}
      <label>
        Review
        <textarea value={body} onChange={(e) => setBody(e.target.value)} maxLength={reviewLimits.body} rows={5} required aria-invalid={!!fieldError("body")} />
      </label>
      {fieldError("body") && <p className="field-error">{fieldError("body")}</p>}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending || rating === 0}>
          {review ? "Save changes" : "Submit review"}
        </button>
        {review && (
          <ConfirmButton
            label="Delete my review"
            question="Delete your review of this product?"
            confirmLabel="Yes, delete it"
            keepLabel="Keep it"
            busy={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        )}
      </div>
      <p role="status" aria-live="polite">
        {saved ? "Thank you: your review will appear once a moderator approves it." : unexpected ? `Not saved: ${describeError(save.error)}` : ""}
      </p>
      {remove.isError && <ErrorMessage error={remove.error} />}
    </form>
  );
}
