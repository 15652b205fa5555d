import { brand, brandVariables, logoSvg } from "./brandAssets";

/**
 * The store's brand, read from brand.json (name, tagline, colours, font stack, logo, support e-mail): the same file
 * the Auth pages and the e-mails embed. styles.css reads the colours and font as CSS variables (--brand,
 * --brand-ink, --accent, --accent-ink, --font), which index.html already carries for the first paint (vite.config.ts).
 */
export { brand };

/** Sets the brand's CSS variables on the document (index.html has them too; this keeps tests and dev in step). */
export function applyBrandColours(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of brandVariables()) root.style.setProperty(name, value);
}

// The logo drawn with the CSS variables, so the header follows the colours the document has.
const headerLogo = logoSvg({ brand: "var(--brand)", brandInk: "var(--brand-ink)" });

/** The logo from brand.json (the favicon is the same drawing), decorative beside the store's name. */
export function Logo({ size = 28 }: { size?: number }) {
  const svg = headerLogo.replace("<svg ", `<svg width="${size}" height="${size}" focusable="false" `);
  // brand.json is a file of this repository, not user input, so its markup is inserted as it is.
  return <span className="logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}
