import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { reviewLimits, reviewsApi, stars, type AdminReviewItem, reviewKeys } from "../catalog";
import { ConfirmButton } from "../../shared/ui/Confirm";
import { Pager } from "../../shared/ui/Pager";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminReviewKeys } from "./queryKeys";

/** The moderation queue: pending reviews, oldest first; approve publishes, reject needs a reason the author sees. */
export default function AdminReviewsPage() {
  usePageTitle("Reviews · Admin");
  const queue = useInfiniteQuery({
    queryKey: adminReviewKeys.pending(),
    queryFn: ({ pageParam }) => reviewsApi.queue("Pending", pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = queue.data?.pages.flatMap((p) => p.items);
  return (
    <section>
      <h1>Reviews</h1>
      {queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !items ? (
        <Loading label="Loading reviews…" />
      ) : items.length === 0 ? (
        <p>No reviews are waiting for moderation.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Reviews waiting for moderation</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Review</th>
              <th scope="col">Written</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((review) => (
              <ReviewRow key={review.id} review={review} />
            ))}
          </tbody>
        </table>
      )}
      <Pager hasNext={queue.hasNextPage} loading={queue.isFetchingNextPage} onNext={() => void queue.fetchNextPage()} />
    </section>
  );
}

function ReviewRow({ review }: { review: AdminReviewItem }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const reasonBox = useRef<HTMLInputElement>(null);
  // The reason box takes focus when it opens, as the Confirm dialog's button does.
  useEffect(() => {
    if (rejecting) reasonBox.current?.focus();
  }, [rejecting]);
  const act = useMutation({
    mutationFn: (action: "approve" | "reject") => (action === "approve" ? reviewsApi.approve(review.id) : reviewsApi.reject(review.id, reason.trim())),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  const what = `“${review.title}” by ${review.authorName}`;
  return (
    <tr>
      <th scope="row">
        <Link to={`/products/${review.productSlug}`}>{review.productName}</Link>
      </th>
      <td>
        <span role="img" aria-label={`${review.rating} out of 5`}>
          {stars(review.rating)}
        </span>{" "}
        <strong>{review.title}</strong> · {review.authorName}
        <p className="review-body">{review.body}</p>
      </td>
      <td>{new Date(review.updatedAt).toLocaleString("en-GB")}</td>
      <td className="actions">
        <ConfirmButton
          className="link-button"
          label={`Approve ${what}`}
          question={`Publish ${what}? It counts towards the product's rating at once.`}
          confirmLabel="Yes, publish"
          keepLabel="Not yet"
          busy={act.isPending}
          onConfirm={() => act.mutate("approve")}
        />
        {rejecting ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act.mutate("reject");
            }}
          >
            <label>
              Reason to reject {what} (the author sees it){" "}
              <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={reviewLimits.reason} ref={reasonBox} />
            </label>{" "}
            <button type="submit" className="button danger" disabled={act.isPending || !reason.trim()}>
              Reject
            </button>{" "}
            <button type="button" className="button secondary" onClick={() => setRejecting(false)}>
              Keep it
            </button>
          </form>
        ) : (
          <button type="button" className="link-button" onClick={() => setRejecting(true)}>
            Reject {what}
          </button>
        )}
        {act.isError && <ErrorMessage error={act.error} />}
      </td>
    </tr>
  );
}
