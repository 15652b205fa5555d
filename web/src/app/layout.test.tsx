import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { AppRoutes } from "./App";
import { brand } from "../shared/brand/brand";
import { fakeGateway, renderPage } from "../test/render";
import { ErrorBoundary } from "./ErrorBoundary";

afterEach(() => vi.unstubAllGlobals());

describe("the storefront's frame", () => {
  it("links every content page from the footer and renders each through the one content route, titled", async () => {
    fakeGateway({});
    renderPage(<AppRoutes />, { route: "/help/returns" });
    expect(await screen.findByRole("heading", { name: "Returns", level: 1 })).toBeInTheDocument();
    // The title is set by an effect after the lazy page renders: on a busy machine, a moment after its heading shows.
    await waitFor(() => expect(document.title).toBe(`Returns · ${brand.name}`));
    const footer = screen.getByRole("navigation", { name: "Store information" });
    expect(within(footer).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Delivery", "/help/delivery"],
      ["Returns", "/help/returns"],
      ["Contact us", "/help/contact"],
      ["Privacy", "/help/privacy"],
      ["Terms and conditions", "/help/terms"],
    ]);
    expect(within(screen.getByRole("banner")).getByRole("link", { name: brand.name })).toHaveAttribute("href", "/");
  });

  it("answers an unknown address, or an unknown content page, with a page-not-found page and ways back", async () => {
    fakeGateway({});
    renderPage(<AppRoutes />, { route: "/no-such-page" });
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`Page not found · ${brand.name}`));
    expect(screen.getByRole("link", { name: "Browse the catalog" })).toHaveAttribute("href", "/catalog");
  });

  it("shows a friendly message, not a blank page, when a page fails to render", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const Broken = () => {
      throw new Error("boom");
    };
    renderPage(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("heading", { name: "Sorry, something went wrong" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
    expect(document.body).not.toHaveTextContent("boom");
  });

  it("tries again when the shopper moves to another page", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let broken = true;
    const Page = () => {
      if (broken) throw new Error("boom");
      return <h1>Catalog</h1>;
    };
    const at = (path: string) => (
      <MemoryRouter>
        <ErrorBoundary resetKey={path}>
          <Page />
        </ErrorBoundary>
      </MemoryRouter>
    );
    const { rerender } = render(at("/broken"));
    expect(screen.getByRole("heading", { name: "Sorry, something went wrong" })).toBeInTheDocument();
    broken = false;
    rerender(at("/catalog"));
    expect(screen.getByRole("heading", { name: "Catalog" })).toBeInTheDocument();
  });
});
