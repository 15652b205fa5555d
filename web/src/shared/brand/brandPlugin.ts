import type { Plugin } from "vite";
import { brand, brandCss, faviconHref } from "./brandAssets.ts";

/**
 * Writes brand.json into index.html at build (and in the dev server): the tab's title and description, the
 * favicon (the logo as a data URL), the theme colour, and the brand's CSS variables before any stylesheet, so the
 * first paint is already in the brand's colours and a rebrand needs no edit to index.html or styles.css.
 */
export function brandHtml(): Plugin {
  return {
    name: "brand-html",
    transformIndexHtml: {
      order: "pre",
      handler: (html) => ({
        html: html
          .replace(/<title>[^<]*<\/title>/, `<title>${escape(brand.name)}</title>`)
          .replace(/(<meta name="description" content=")[^"]*"/, `$1${escape(`${brand.name}: ${brand.tagline}`)}"`),
        tags: [
          { tag: "style", children: brandCss(), injectTo: "head" },
          { tag: "link", attrs: { rel: "icon", type: "image/svg+xml", href: faviconHref() }, injectTo: "head" },
          { tag: "meta", attrs: { name: "theme-color", content: brand.colours.brand }, injectTo: "head" },
        ],
      }),
    },
  };
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
