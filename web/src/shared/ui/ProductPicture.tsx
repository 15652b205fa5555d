import type { components } from "../../api/generated/products";

// shared/ reads the generated types directly (features/catalog/api/products.ts aliases the same two): shared code
// imports no feature.
type GalleryImage = components["schemas"]["GalleryImage"];
type GalleryRendition = components["schemas"]["GalleryRendition"];

/**
 * Every product image in the store goes through here: a `<picture>` with a WebP `srcset` (about a third smaller) and
 * the JPEG as the fallback `<img>`, width descriptors so the browser fetches the smallest rendition that fills the box
 * at the screen's density, explicit width and height so the box is reserved before a byte arrives (no layout shift),
 * `decoding="async"`, and lazy loading unless the caller says the image is above the fold.
 */

/** The renditions Products stores (docs/products.md#images): the longest side in pixels. */
const longSides = { thumb: 160, card: 480, large: 960, zoom: 1600 } as const;
export type RenditionName = keyof typeof longSides;

// Lists, carts, wishlists and lookups carry only the card JPEG's URL (`{key}-card.jpg`, the contract Orders and Users
// pass on); the other renditions and formats sit beside it under the same key, so they are derived rather than sent.
const cardJpeg = /^(.*\/api\/products\/images\/[0-9a-fg-]+)-card\.jpg$/;

/**
 * The image behind a card JPEG URL: its renditions at their nominal sizes (a small upload's are smaller, never
 * larger, which only makes the browser's pick a little generous). Any other URL (an older single file) is shown as is.
 */
export function imageFromUrl(url: string | null | undefined, alt: string): GalleryImage | null {
  if (!url) return null;
  const match = cardJpeg.exec(url);
  if (!match) return { id: null, alt, width: 0, height: 0, renditions: [{ name: "original", width: 0, height: 0, url, webp: null }] };
  const key = match[1];
  return {
    id: null,
    alt,
    width: 0,
    height: 0,
    renditions: (Object.keys(longSides) as RenditionName[]).map((name) => ({
      name, width: longSides[name], height: longSides[name], url: `${key}-${name}.jpg`, webp: `${key}-${name}.webp`,
    })),
  };
}

/**
 * The renditions to offer for a use, smallest first; an older single file is its only rendition. Of two the same
 * width (a small original stored at its own size as both `large` and `zoom`), the smaller name stays: a `srcset` may
 * not list a width twice, and the zoom view then reuses the file the page has already fetched.
 */
function pick(image: GalleryImage, names: readonly RenditionName[]): GalleryRendition[] {
  const chosen = image.renditions.filter((r) => (names as readonly string[]).includes(r.name)).sort((a, b) => a.width - b.width);
  const distinct = chosen.filter((r, i) => i === 0 || r.width === 0 || r.width !== chosen[i - 1]!.width);
  return distinct.length ? distinct : image.renditions.slice(0, 1);
}

const srcSet = (renditions: GalleryRendition[], format: "url" | "webp") =>
  renditions.every((r) => r.width > 0 && r[format]) ? renditions.map((r) => `${r[format]} ${r.width}w`).join(", ") : undefined;

export interface ProductPictureProps {
  image: GalleryImage | null;
  /** Which renditions may be fetched: thumbnails and cards stay small; the product page's main image goes to `large`, only the zoom view to `zoom`. */
  renditions: readonly RenditionName[];
  /** The displayed width for each layout, as `sizes` (e.g. "56px", "(max-width: 48rem) 100vw, 36rem"). */
  sizes: string;
  /** `""` for an image that repeats a name shown beside it; otherwise the image's own alt text (none stored: `""`). */
  alt?: string;
  /** Above the fold: load at once. The page's largest image (its LCP) also gets `fetchpriority="high"`. */
  priority?: "high" | "eager";
  className?: string;
  /** A small thumbnail in a line: no "No image" words while there is none (the box keeps its size). */
  blank?: boolean;
}

export function ProductPicture({ image, renditions, sizes, alt, priority, className, blank = false }: ProductPictureProps) {
  if (!image) return blank ? null : <span className="no-image">No image</span>;
  const offered = pick(image, renditions);
  const largest = offered[offered.length - 1];
  if (!largest) return blank ? null : <span className="no-image">No image</span>;
  // The box's proportions: the largest offered rendition's, else the original's, else a square (CSS sizes the box).
  const [width, height] = largest.width > 0 ? [largest.width, largest.height] : image.width > 0 ? [image.width, image.height] : [480, 480];
  const webp = srcSet(offered, "webp");
  return (
    <picture className={className ? `picture ${className}` : "picture"}>
      {webp && <source type="image/webp" srcSet={webp} sizes={sizes} />}
      <img
        src={largest.url}
        srcSet={srcSet(offered, "url")}
        sizes={sizes}
        alt={alt ?? image.alt ?? ""}
        width={width}
        height={height}
        loading={priority ? "eager" : "lazy"}
        decoding="async"
        fetchPriority={priority === "high" ? "high" : undefined}
      />
    </picture>
  );
}
