/**
 * The store's brand in one place: its name (the header, every page title), its logo, and its colours, which
 * styles.css reads as CSS variables (--brand, --brand-ink, --accent) so a rebrand is an edit here and in the favicon.
 */
export const brand = {
  name: "ECommerce",
  tagline: "Everyday goods, delivered",
  colours: { brand: "#1d4ed8", brandInk: "#ffffff", accent: "#1d4ed8" },
} as const;

/** Sets the brand's colours as CSS variables on the document, once at start. */
export function applyBrandColours(root: HTMLElement = document.documentElement): void {
  root.style.setProperty("--brand", brand.colours.brand);
  root.style.setProperty("--brand-ink", brand.colours.brandInk);
  root.style.setProperty("--accent", brand.colours.accent);
}

/** The logo: a shopping bag in the brand colour (the same drawing as public/favicon.svg). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="4" y="9" width="24" height="20" rx="3" fill="var(--brand)" />
      <path d="M11 12V8a5 5 0 0 1 10 0v4" fill="none" stroke="var(--brand)" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="11" cy="13" r="1.6" fill="var(--brand-ink)" />
      <circle cx="21" cy="13" r="1.6" fill="var(--brand-ink)" />
    </svg>
  );
}
