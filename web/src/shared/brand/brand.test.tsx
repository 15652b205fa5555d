import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { render } from "@testing-library/react";
import type { IndexHtmlTransformContext, IndexHtmlTransformResult } from "vite";
import brandFile from "../../brand.json";
import { Logo, applyBrandColours, brand } from "./brand";
import { brandCss, faviconHref } from "./brandAssets";
import { brandHtml } from "./brandPlugin";

// One brand file for the storefront, the Auth pages and the e-mails: these pin the storefront's half of that (the
// .NET halves are ECommerce.Auth.Tests' BrandedPageTests and ECommerce.Notifications.Tests' BrandedMailTests).
describe("brand.json", () => {
  it("is what the storefront's brand is", () => {
    expect(brand).toEqual(brandFile);
    expect(brand.colours.brand).toMatch(/^#[0-9a-f]{6}$/i);
    expect(brand.logoSvg).toContain("{brand}");
  });

  it("is written into index.html: title, favicon from the logo, theme colour and the first paint's CSS variables", () => {
    const plugin = brandHtml();
    const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => IndexHtmlTransformResult };
    const result = hook.handler(readFileSync(resolve(process.cwd(), "index.html"), "utf8"), {} as IndexHtmlTransformContext);
    if (typeof result === "string" || Array.isArray(result)) throw new Error("expected the page and its tags");
    expect(result.html).toContain(`<title>${brand.name}</title>`);
    const tags = result.tags ?? [];
    const icon = tags.find((t) => t.tag === "link" && t.attrs?.rel === "icon");
    expect(icon?.attrs?.href).toBe(faviconHref());
    expect(decodeURIComponent(faviconHref())).toContain(`fill="${brand.colours.brand}"`);
    expect(tags.find((t) => t.tag === "style")?.children).toBe(brandCss());
    expect(brandCss()).toContain(`--brand:${brand.colours.brand}`);
    expect(brandCss()).toContain(`--font:${brand.fontStack}`);
  });

  it("sets the CSS variables and draws the logo with them", () => {
    const root = document.createElement("div");
    applyBrandColours(root);
    expect(root.style.getPropertyValue("--accent")).toBe(brand.colours.accent);
    const { container } = render(<Logo size={20} />);
    const svg = container.querySelector("svg");
    expect(svg).toHaveAttribute("width", "20");
    expect(svg?.querySelector("rect")).toHaveAttribute("fill", "var(--brand)");
  });

  it("is the file the Auth pages and the e-mails embed", () => {
    const project = readFileSync(resolve(process.cwd(), "../ECommerce.ServiceDefaults/ECommerce.ServiceDefaults.csproj"), "utf8");
    expect(project).toContain('Include="../web/src/brand.json"');
  });
});
