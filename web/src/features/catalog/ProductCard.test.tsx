import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderPage } from "../../test/render";
import { ProductGrid } from "./ProductCard";

const card = { id: "p1", name: "Enamel mug", slug: "enamel-mug", price: 3.5, currency: "GBP", imageUrl: null, inStock: true };

describe("ProductCard", () => {
  it("shows the approved reviews' average and count, and an empty line of the same height before the first", () => {
    renderPage(<ProductGrid products={[{ ...card, rating: 4.3, reviews: 12 }, { ...card, id: "p2", slug: "other", rating: null, reviews: 0 }]} label="Products" />);
    const [rated, unrated] = screen.getAllByRole("listitem") as [HTMLElement, HTMLElement];

    expect(within(rated).getByRole("img", { name: "Rated 4.3 out of 5 from 12 reviews" })).toHaveTextContent("★★★★☆");
    expect(rated).toHaveTextContent("4.3 (12)");
    expect(unrated.querySelector(".card-rating")).toBeEmptyDOMElement();
  });

  it("has a Save toggle named for its product beside Add", () => {
    renderPage(<ProductGrid products={[card]} label="Products" />);
    const save = screen.getByRole("button", { name: "Save Enamel mug to wishlist" });
    expect(save).toHaveAttribute("aria-pressed", "false");
    expect(save.closest(".card-actions")).toContainElement(screen.getByRole("button", { name: "Add Enamel mug to cart" }));
  });
});
