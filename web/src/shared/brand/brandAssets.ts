import brandFile from "../../brand.json" with { type: "json" };

/**
 * The store's brand as brand.json states it: the one file the storefront (here, at build time), the Auth service's
 * pages and the e-mails (both embed it: ECommerce.ServiceDefaults/Brand) read, so a rebrand is one edit. No React
 * here: vite.config.ts imports this to write the favicon and the first paint's colours into index.html.
 */
export const brand = brandFile;

export type LogoColours = { brand: string; brandInk: string };

/** The logo's SVG with its colour tokens ({brand}, {brandInk}) filled: the brand's own, or CSS variables inline. */
export function logoSvg(colours: LogoColours = brand.colours): string {
  return brand.logoSvg.replaceAll("{brand}", colours.brand).replaceAll("{brandInk}", colours.brandInk);
}

/** The favicon: the logo in the brand's colours as a data URL, so there is no second drawing to keep in step. */
export function faviconHref(): string {
  return `data:image/svg+xml,${encodeURIComponent(logoSvg())}`;
}

/** The CSS variables styles.css reads, as a :root rule (index.html carries it, so the first paint has them). */
export function brandCss(): string {
  const c = brand.colours;
  return `:root{--brand:${c.brand};--brand-ink:${c.brandInk};--accent:${c.accent};--accent-ink:${c.accentInk};--font:${brand.fontStack}}`;
}

/** The same variables as name/value pairs, for setting them on an element. */
export function brandVariables(): [string, string][] {
  const c = brand.colours;
  return [["--brand", c.brand], ["--brand-ink", c.brandInk], ["--accent", c.accent], ["--accent-ink", c.accentInk], ["--font", brand.fontStack]];
}
