import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { GalleryImage } from "../api/products";
import { fakeGateway, productDetail, renderPage } from "../../../test/render";
import { ProductPage } from "./ProductPage";
import { ProductGallery } from "./ProductGallery";
import { ProductPicture, imageFromUrl } from "../../../shared/ui/ProductPicture";

afterEach(() => vi.unstubAllGlobals());

type Sizes = [string, number, number][];

/** An image as Products' gallery lists it: by default a 600 x 800 upload (large and zoom at its own size) in both formats. */
const image = (key: string, alt: string | null = "Enamel mug", sizes: Sizes = [["thumb", 120, 160], ["card", 360, 480], ["large", 600, 800], ["zoom", 600, 800]]): GalleryImage => ({
  id: `id-${key}`, alt, width: sizes[sizes.length - 1]![1], height: sizes[sizes.length - 1]![2],
  renditions: sizes.map(([name, width, height]) => ({
    name, width, height, url: `/api/products/images/${key}-${name}.jpg`, webp: `/api/products/images/${key}-${name}.webp`,
  })),
});
/** A 2,000 x 1,500 photograph: every rendition its own size. */
const photo = (key: string, alt: string | null) =>
  image(key, alt, [["thumb", 160, 120], ["card", 480, 360], ["large", 960, 720], ["zoom", 1600, 1200]]);
const three = [image("a1"), image("b2"), image("c3")] as [GalleryImage, GalleryImage, GalleryImage];

describe("ProductPicture", () => {
  it("offers WebP with width descriptors and a JPEG fallback, reserves its box and loads lazily unless told", () => {
    const { container } = render(<ProductPicture image={three[0]} renditions={["thumb", "card"]} sizes="16rem" alt="" />);

    const source = container.querySelector("source")!;
    const img = container.querySelector("img")!;
    expect(source).toHaveAttribute("type", "image/webp");
    expect(source).toHaveAttribute("srcset", "/api/products/images/a1-thumb.webp 120w, /api/products/images/a1-card.webp 360w");
    expect(source).toHaveAttribute("sizes", "16rem");
    expect(img).toHaveAttribute("src", "/api/products/images/a1-card.jpg");
    expect(img).toHaveAttribute("srcset", "/api/products/images/a1-thumb.jpg 120w, /api/products/images/a1-card.jpg 360w");
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["360", "480"]);
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img).toHaveAttribute("decoding", "async");
    expect(img).not.toHaveAttribute("fetchpriority");
  });

  it("derives every rendition from a list's card JPEG URL and shows any other URL as it is", () => {
    const derived = imageFromUrl("/api/products/images/g0123abcd-00ff00ff00ff-card.jpg", "Mug")!;
    expect(derived.renditions.map((r) => [r.name, r.width, r.webp])).toEqual([
      ["thumb", 160, "/api/products/images/g0123abcd-00ff00ff00ff-thumb.webp"],
      ["card", 480, "/api/products/images/g0123abcd-00ff00ff00ff-card.webp"],
      ["large", 960, "/api/products/images/g0123abcd-00ff00ff00ff-large.webp"],
      ["zoom", 1600, "/api/products/images/g0123abcd-00ff00ff00ff-zoom.webp"],
    ]);
    const { container } = render(<ProductPicture image={imageFromUrl("/api/products/images/old.png", "Mug")} renditions={["card"]} sizes="6rem" />);
    expect(container.querySelector("source")).toBeNull();
    expect(container.querySelector("img")).toHaveAttribute("src", "/api/products/images/old.png");
    expect(container.querySelector("img")).not.toHaveAttribute("srcset");
    expect(imageFromUrl(null, "Mug")).toBeNull();
  });
});

describe("ProductGallery", () => {
  it("shows the main image first at high priority, with thumbnails the arrow keys move through", async () => {
    const user = userEvent.setup();
    render(<ProductGallery images={three} name="Enamel mug" />);

    const main = screen.getByRole("button", { name: "Zoom: Enamel mug, image 1 of 3" });
    const mainImg = main.querySelector("img")!;
    expect(mainImg).toHaveAttribute("fetchpriority", "high");
    expect(mainImg).toHaveAttribute("loading", "eager");
    expect(mainImg).toHaveAttribute("alt", "Enamel mug");
    // The page's picture fetches a card at most: the zoom rendition waits for the zoom view.
    expect(main.querySelector("source")?.getAttribute("srcset")).not.toContain("zoom");

    const group = screen.getByRole("group", { name: "Images of Enamel mug" });
    const thumbs = within(group).getAllByRole("button") as [HTMLElement, HTMLElement, HTMLElement];
    expect(thumbs.map((t) => t.getAttribute("aria-current"))).toEqual(["true", null, null]);
    // One Tab stop: the shown image's thumbnail.
    expect(thumbs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);

    thumbs[0].focus();
    await user.keyboard("{ArrowRight}");
    expect(thumbs[1]).toHaveFocus();
    expect(thumbs[1]).toHaveAttribute("aria-current", "true");
    expect(screen.getByRole("button", { name: "Zoom: Enamel mug, image 2 of 3" }).querySelector("img")).toHaveAttribute("src", "/api/products/images/b2-large.jpg");
    await user.keyboard("{End}");
    expect(thumbs[2]).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(thumbs[0]).toHaveFocus();
    expect(thumbs[0]).toHaveAttribute("aria-current", "true");
    await user.keyboard("{ArrowLeft}");
    expect(thumbs[2]).toHaveAttribute("aria-current", "true");
    await user.click(thumbs[1]);
    expect(thumbs[1]).toHaveAttribute("aria-current", "true");
    expect(thumbs.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
  });

  it("opens the zoom view as a modal dialog that keeps focus, moves between images, and closes back to the main image", async () => {
    const user = userEvent.setup();
    render(<ProductGallery images={three} name="Enamel mug" />);

    const main = screen.getByRole("button", { name: "Zoom: Enamel mug, image 1 of 3" });
    await user.click(main);
    const dialog = screen.getByRole("dialog", { name: "Enamel mug, image 1 of 3" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    const close = within(dialog).getByRole("button", { name: "Close" });
    expect(close).toHaveFocus();
    // Large and zoom are the same 600 px here: the srcset lists the width once, with the file the page already has.
    expect(within(dialog).getByRole("img")).toHaveAttribute("src", "/api/products/images/a1-large.jpg");
    expect(dialog.querySelector("source")).toHaveAttribute("srcset", "/api/products/images/a1-card.webp 360w, /api/products/images/a1-large.webp 600w");

    // Tab wraps inside the dialog: Close, Previous, Next, then Close again.
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "Next image" })).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Next image" }));
    expect(screen.getByRole("dialog", { name: "Enamel mug, image 2 of 3" })).toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(within(dialog).getByRole("img")).toHaveAttribute("src", "/api/products/images/c3-large.jpg");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    // Focus is back on the main image, which now shows the image the shopper moved to.
    const after = screen.getByRole("button", { name: "Zoom: Enamel mug, image 3 of 3" });
    await waitFor(() => expect(after).toHaveFocus());
  });

  it("offers the 960 px rendition to the main image and 1,600 px only to the zoom, with sizes for the layout", async () => {
    const user = userEvent.setup();
    render(<ProductGallery images={[photo("p1", null)]} name="Enamel mug" />);

    const main = screen.getByRole("button", { name: "Zoom: Enamel mug" });
    expect(main.querySelector("source")).toHaveAttribute("srcset", "/api/products/images/p1-thumb.webp 160w, /api/products/images/p1-card.webp 480w, /api/products/images/p1-large.webp 960w");
    expect(main.querySelector("img")).toHaveAttribute("sizes", "(max-width: 40rem) calc(100vw - 2rem), (max-width: 72rem) calc(50vw - 2rem), 34rem");
    expect(main.querySelector("img")).toHaveAttribute("src", "/api/products/images/p1-large.jpg");
    await user.click(main);
    const zoom = screen.getByRole("dialog", { name: "Enamel mug" });
    expect(zoom.querySelector("img")).toHaveAttribute("srcset", "/api/products/images/p1-card.jpg 480w, /api/products/images/p1-large.jpg 960w, /api/products/images/p1-zoom.jpg 1600w");
    expect(zoom.querySelector("img")).toHaveAttribute("sizes", "(max-width: 40rem) calc(100vw - 1rem), calc(100vw - 3rem)");
  });

  it("reads an image's stored alt text, and the product's name for an image without one", async () => {
    const user = userEvent.setup();
    render(<ProductGallery images={[photo("p1", "Mug on a shelf, side view"), photo("p2", null)]} name="Enamel mug" />);

    expect(screen.getByRole("button", { name: "Zoom: Enamel mug, image 1 of 2" }).querySelector("img")).toHaveAttribute("alt", "Mug on a shelf, side view");
    await user.click(within(screen.getByRole("group")).getAllByRole("button")[1]!);
    expect(screen.getByRole("button", { name: "Zoom: Enamel mug, image 2 of 2" }).querySelector("img")).toHaveAttribute("alt", "Enamel mug");
  });

  it("closes from its Close button too, and a single image has no thumbnails or Previous and Next", async () => {
    const user = userEvent.setup();
    render(<ProductGallery images={[three[0]]} name="Enamel mug" />);

    expect(screen.queryByRole("group")).not.toBeInTheDocument();
    const main = screen.getByRole("button", { name: "Zoom: Enamel mug" });
    await user.click(main);
    const dialog = screen.getByRole("dialog", { name: "Enamel mug" });
    expect(within(dialog).queryByRole("button", { name: "Next image" })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(main).toHaveFocus());
  });
});

describe("the product page's gallery", () => {
  it("shows a picked variant's images first, then the page's others once", async () => {
    const variant = (id: string, colour: string, gallery: GalleryImage[]) => ({
      id, sku: id, slug: id, options: { Colour: colour }, price: 20, currency: "GBP", available: 3, imageUrl: gallery[0]!.renditions[1]!.url, gallery,
    });
    const family = {
      id: "f1", name: "Linen shirt", slug: "linen-shirt", options: [{ name: "Colour", values: ["Blue", "Red"] }],
      variants: [variant("blue", "Blue", [image("blue1"), image("shared")]), variant("red", "Red", [image("red1"), image("red2")])],
    };
    const page = productDetail({ id: "blue", name: "Linen shirt", slug: "linen-shirt-blue", family, gallery: family.variants[0]!.gallery, images: [] });
    fakeGateway({ "GET /api/products/by-slug/linen-shirt-blue": { body: page } });
    renderPage(<ProductPage />, { route: "/products/linen-shirt-blue?variant=red", path: "/products/:idOrSlug" });

    const group = await screen.findByRole("group", { name: "Images of Linen shirt" });
    const shown = within(group).getAllByRole("button").map((b) => b.querySelector("img")!.getAttribute("src"));
    expect(shown).toEqual(["red1", "red2", "blue1", "shared"].map((k) => `/api/products/images/${k}-thumb.jpg`));
    expect(screen.getByRole("button", { name: "Zoom: Linen shirt, image 1 of 4" }).querySelector("img")).toHaveAttribute("src", "/api/products/images/red1-large.jpg");
  });
});
