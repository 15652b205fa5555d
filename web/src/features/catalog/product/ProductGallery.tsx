import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import type { GalleryImage } from "../api/products";
import { ProductPicture } from "../../../shared/ui/ProductPicture";

// The main image is the product page's largest paint, fetched at high priority: a card (480 px) or, where its box
// times the screen's density needs more (a desktop column is 34rem, 544 px; a dense phone), the large rendition
// (960 px); the zoom rendition (up to 1,600 px) is fetched only when the shopper opens the zoom view. The sizes follow
// the layout: one column under 40rem (main's 1rem padding each side), two 1fr columns with a 2rem gap up to main's
// 72rem, then a fixed 34rem.
const mainRenditions = ["thumb", "card", "large"] as const;
const mainSizes = "(max-width: 40rem) calc(100vw - 2rem), (max-width: 72rem) calc(50vw - 2rem), 34rem";
// The zoom view fills the screen less its insets (1rem round the dialog on a desktop, none on a phone, 0.5rem inside).
const zoomRenditions = ["card", "large", "zoom"] as const;
const zoomSizes = "(max-width: 40rem) calc(100vw - 1rem), calc(100vw - 3rem)";

/**
 * The product page's images: the main one and, with more than one, a row of thumbnail buttons. Arrow keys (and Home,
 * End) move between the thumbnails and show the one they land on; only the shown one is a Tab stop, marked
 * `aria-current`. Activating the main image opens the zoom view.
 */
export function ProductGallery({ images: stored, name }: { images: GalleryImage[]; name: string }) {
  // An image without a stored alt text is described by the product's name.
  const images = stored.map((image) => (image.alt ? image : { ...image, alt: name }));
  const [index, setIndex] = useState(0);
  const [zoomed, setZoomed] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const opener = useRef<HTMLButtonElement>(null);
  const current = images[Math.min(index, images.length - 1)];
  const count = images.length;
  // Focus goes back to the main image once the dialog has gone (while it is there, it keeps focus inside itself).
  useEffect(() => {
    if (refocus && !zoomed) opener.current?.focus();
  }, [refocus, zoomed]);
  const label = (i: number) => (count > 1 ? `${name}, image ${i + 1} of ${count}` : name);

  const show = (i: number) => {
    const next = (i + count) % count;
    setIndex(next);
    thumbs.current[next]?.focus();
  };
  const onThumbKey = (e: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step !== undefined) show(index + step);
    else if (e.key === "Home") show(0);
    else if (e.key === "End") show(count - 1);
    else return;
    e.preventDefault();
  };

  if (!current) {
    return (
      <div className="gallery">
        <div className="gallery-main">
          <span className="no-image">No image</span>
        </div>
      </div>
    );
  }
  return (
    <div className="gallery">
      <button ref={opener} type="button" className="gallery-main" aria-haspopup="dialog" aria-label={`Zoom: ${label(index)}`} onClick={() => {
          setRefocus(false);
          setZoomed(true);
        }}>
        <ProductPicture image={current} renditions={mainRenditions} sizes={mainSizes} priority="high" />
        <span className="gallery-zoom-hint" aria-hidden="true">
          <ZoomIcon />
        </span>
      </button>
      {count > 1 && (
        <div className="thumbs" role="group" aria-label={`Images of ${name}`}>
          {images.map((image, i) => (
            <button
              key={i}
              ref={(el) => {
                thumbs.current[i] = el;
              }}
              type="button"
              aria-label={`Image ${i + 1} of ${count}`}
              aria-current={i === index ? "true" : undefined}
              tabIndex={i === index ? 0 : -1}
              onClick={() => setIndex(i)}
              onKeyDown={onThumbKey}
            >
              <ProductPicture image={image} renditions={["thumb"]} sizes="4rem" alt="" priority="eager" />
            </button>
          ))}
        </div>
      )}
      {zoomed && (
        <ZoomDialog
          images={images}
          index={index}
          label={label}
          onMove={setIndex}
          onClose={() => {
            setZoomed(false);
            setRefocus(true);
          }}
        />
      )}
    </div>
  );
}

/**
 * The zoom view: a modal dialog over the page with the zoom rendition fitted to the screen, Previous and Next when
 * there are several images, and Close. Focus moves in and Tab stays in; Escape, Close and the backdrop close it and
 * the main image (what opened it) takes focus again. No hover or scroll gesture is needed, so it works by touch,
 * mouse and keyboard alike.
 */
function ZoomDialog({ images, index, label, onMove, onClose }: {
  images: GalleryImage[];
  index: number;
  label: (i: number) => string;
  onMove: (i: number) => void;
  onClose: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const count = images.length;
  useEffect(() => {
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    close.current?.focus();
    // Focus that lands behind the dialog (a click outside, a script) comes back into it.
    const keepFocusIn = (e: FocusEvent) => {
      if (panel.current && e.target instanceof Node && !panel.current.contains(e.target)) close.current?.focus();
    };
    document.addEventListener("focusin", keepFocusIn);
    return () => {
      document.removeEventListener("focusin", keepFocusIn);
      root.style.overflow = overflow;
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (count > 1 && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      e.preventDefault();
      onMove((index + (e.key === "ArrowRight" ? 1 : -1) + count) % count);
    } else if (e.key === "Tab" && panel.current) {
      const items = [...panel.current.querySelectorAll<HTMLElement>("button")];
      const [first, last] = [items[0], items[items.length - 1]];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  return createPortal(
    <div className="zoom-layer">
      <div className="zoom-backdrop" aria-hidden="true" onClick={onClose} />
      <div ref={panel} className="zoom-dialog" role="dialog" aria-modal="true" aria-labelledby="zoom-title" onKeyDown={onKeyDown}>
        <div className="zoom-head">
          <h2 id="zoom-title">{label(index)}</h2>
          <button ref={close} type="button" className="drawer-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="zoom-body">
          <ProductPicture key={index} image={images[index] ?? null} renditions={zoomRenditions} sizes={zoomSizes} priority="eager" className="zoom-picture" />
        </div>
        {count > 1 && (
          <div className="zoom-nav">
            <button type="button" className="button secondary" onClick={() => onMove((index - 1 + count) % count)}>
              Previous image
            </button>
            <button type="button" className="button secondary" onClick={() => onMove((index + 1) % count)}>
              Next image
            </button>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}

/** A magnifying glass: the main image opens larger. */
function ZoomIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" focusable="false">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M15.5 15.5 21 21M10.5 7.5v6M7.5 10.5h6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
