/**
 * The store's content pages, in the order the footer links them: only slugs and titles, so the footer on every page
 * costs a few bytes; the pages' text (pages.tsx) loads with the ContentPage route.
 */
export const contentLinks = [
  { slug: "delivery", title: "Delivery" },
  { slug: "returns", title: "Returns" },
  { slug: "contact", title: "Contact us" },
  { slug: "privacy", title: "Privacy" },
  { slug: "terms", title: "Terms and conditions" },
] as const;

export type ContentSlug = (typeof contentLinks)[number]["slug"];
