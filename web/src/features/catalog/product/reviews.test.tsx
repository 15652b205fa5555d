import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AdminReviewItem, MyReview, ReviewItem } from "../api/reviews";
import { ratingLabel } from "../api/reviews";
import { admin, fakeGateway, productDetail, renderPage, shopper } from "../../../test/render";
import { ProductReviews } from "./ProductReviews";
import AdminReviewsPage from "../../admin/AdminReviewsPage";

afterEach(() => vi.unstubAllGlobals());

const mug = productDetail({ rating: { average: 4.3, count: 12 } });
const reviews = `GET /api/products/${mug.id}/reviews`;
const mine = `GET /api/products/${mug.id}/reviews/mine`;
const approved: ReviewItem = {
  id: "r1", authorName: "Ada L.", rating: 4, title: "Holds a lot", body: "<script>alert(1)</script> and\ntwo lines",
  createdAt: "2026-11-01T10:00:00Z", updatedAt: "2026-11-01T10:00:00Z",
};
const myReview = (overrides: Partial<MyReview> = {}): MyReview => ({
  id: "r2", productId: mug.id, rating: 2, title: "Chipped", body: "Chipped on arrival.", authorName: "Ada L.", status: "Pending",
  rejectionReason: null, createdAt: "2026-11-02T10:00:00Z", updatedAt: "2026-11-02T10:00:00Z", ...overrides,
});

describe("ProductReviews", () => {
  it("shows the average with an accessible label and the approved reviews as text, never HTML", async () => {
    fakeGateway({ [reviews]: { body: { items: [approved], next: null, average: 4.3, count: 12 } } });
    const { container } = renderPage(<ProductReviews product={mug} />);

    expect(await screen.findByRole("img", { name: "Rated 4.3 out of 5 from 12 reviews" })).toBeInTheDocument();
    const review = await screen.findByRole("article", { name: "Holds a lot by Ada L." });
    expect(review).toHaveTextContent("<script>alert(1)</script>");
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByRole("button", { name: "Sign in to review this product" })).toBeInTheDocument();
  });

  it("says there are none yet, and that only buyers may review, to a shopper who did not buy it", async () => {
    fakeGateway({ [reviews]: { body: { items: [], next: null, average: null, count: 0 } }, [mine]: { body: { canReview: false, review: null } } });
    renderPage(<ProductReviews product={productDetail()} />, { user: shopper });

    expect(await screen.findByText("No reviews yet.")).toBeInTheDocument();
    expect(await screen.findByText("Only customers who bought this can review it.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Write a review" })).toBeNull();
  });

  it("lets a buyer write a review, sending the rating, title and body, and shows field errors from the service", async () => {
    let calls = 0;
    const gateway = fakeGateway({
      [reviews]: { body: { items: [], next: null, average: null, count: 0 } },
      [mine]: { body: { canReview: true, review: null } },
      [`PUT /api/products/${mug.id}/reviews/mine`]: () =>
        ++calls === 1
          ? { status: 400, body: { title: "One or more validation errors occurred.", status: 400, errors: { title: ["At most 120 characters."] } } }
          : { status: 201, body: myReview() },
    });
    const user = userEvent.setup();
    renderPage(<ProductReviews product={mug} />, { user: shopper });

    const form = await screen.findByRole("form", { name: "Write a review" });
    await user.click(within(form).getByLabelText("2 stars"));
    await user.type(within(form).getByLabelText("Title"), "Chipped");
    await user.type(within(form).getByLabelText("Review"), "Chipped on arrival.");
    await user.click(within(form).getByRole("button", { name: "Submit review" }));
    expect(await within(form).findByText("At most 120 characters.")).toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Submit review" }));
    expect(await screen.findByText(/will appear once a moderator approves it/)).toBeInTheDocument();
    const put = gateway.requests.filter((r) => r.method === "PUT").at(-1);
    expect(put?.body).toEqual({ rating: 2, title: "Chipped", body: "Chipped on arrival." });
  });

  it("shows the author their rejected review with the moderator's reason", async () => {
    fakeGateway({
      [reviews]: { body: { items: [], next: null, average: null, count: 0 } },
      [mine]: { body: { canReview: true, review: myReview({ status: "Rejected", rejectionReason: "Mentions another shop." }) } },
    });
    renderPage(<ProductReviews product={mug} />, { user: shopper });

    const form = await screen.findByRole("form", { name: "Edit your review" });
    expect(within(form).getByText(/Not published\. Reason: Mentions another shop\./)).toBeInTheDocument();
    expect(within(form).getByLabelText("Title")).toHaveValue("Chipped");
    expect(within(form).getByRole("button", { name: "Save changes" })).toBeEnabled();
  });

  it("labels the stars for screen readers", () => {
    expect(ratingLabel(4.25, 12)).toBe("Rated 4.3 out of 5 from 12 reviews");
    expect(ratingLabel(5, 1)).toBe("Rated 5.0 out of 5 from 1 review");
    expect(ratingLabel(null, 0)).toBe("Not yet rated");
  });
});

describe("AdminReviewsPage", () => {
  const pending: AdminReviewItem = {
    id: "r9", productId: mug.id, productName: "Enamel mug", productSlug: "enamel-mug", authorName: "Ada L.", rating: 1, title: "Awful",
    body: "Buy it elsewhere.", status: "Pending", rejectionReason: null, updatedAt: "2026-11-03T10:00:00Z", moderatedAt: null,
  };

  it("says when nothing waits", async () => {
    fakeGateway({ "GET /api/products/admin/reviews": { body: { items: [], next: null } } });
    renderPage(<AdminReviewsPage />, { user: admin });
    expect(await screen.findByText("No reviews are waiting for moderation.")).toBeInTheDocument();
  });

  it("approves after a confirmation and rejects only with a reason", async () => {
    const gateway = fakeGateway({
      "GET /api/products/admin/reviews": { body: { items: [pending], next: null } },
      "POST /api/products/admin/reviews/r9/approve": { body: { ...pending, status: "Approved" } },
      "POST /api/products/admin/reviews/r9/reject": (r) => ({ body: { ...pending, status: "Rejected", rejectionReason: (r.body as { reason: string }).reason } }),
    });
    const user = userEvent.setup();
    renderPage(<AdminReviewsPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "Approve “Awful” by Ada L." }));
    await user.click(screen.getByRole("button", { name: "Yes, publish" }));
    await waitFor(() => expect(gateway.requests.some((r) => r.method === "POST" && r.url.endsWith("/r9/approve"))).toBe(true));

    await user.click(await screen.findByRole("button", { name: "Reject “Awful” by Ada L." }));
    const reason = screen.getByLabelText(/Reason to reject/);
    expect(reason).toHaveFocus();
    expect(screen.getByRole("button", { name: "Reject" })).toBeDisabled();
    await user.type(reason, "Mentions another shop.");
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(gateway.requests.find((r) => r.url.endsWith("/r9/reject"))?.body).toEqual({ reason: "Mentions another shop." }));
  });
});
