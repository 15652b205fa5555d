import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRoutes } from "../../app/App";
import { cartLine, fakeCart } from "../../test/fakeCart";
import { fakeGateway, productDetail, renderPage } from "../../test/render";

afterEach(() => vi.unstubAllGlobals());

/** The whole app at a product page, with a server cart that already holds a tea towel. */
async function atProductPage() {
  const cart = fakeCart([cartLine({ productId: "p2", name: "Tea towel", slug: "tea-towel", unitPrice: 4.5, quantity: 2 })]);
  fakeGateway({ "GET /api/products/by-slug/enamel-mug": { body: productDetail() }, ...cart.routes });
  const user = userEvent.setup();
  renderPage(<AppRoutes />, { route: "/products/enamel-mug" });
  await screen.findByRole("heading", { name: "Enamel mug", level: 1 });
  return { cart, user };
}

describe("the cart drawer", () => {
  it("opens when the shopper adds to cart, listing every line with its quantity and the cart's subtotal", async () => {
    const { user } = await atProductPage();
    const quantity = screen.getByLabelText("Quantity");
    await user.clear(quantity);
    await user.type(quantity, "3");
    await user.click(screen.getByRole("button", { name: "Add to cart" }));

    const drawer = await screen.findByRole("dialog", { name: "Your cart" });
    expect(drawer).toHaveAttribute("aria-modal", "true");
    expect(drawer).toHaveAccessibleDescription("✓ Enamel mug is in your cart.");
    expect(drawer.contains(document.activeElement)).toBe(true);
    const lines = within(within(drawer).getByRole("list", { name: "Items in your cart" })).getAllByRole("listitem");
    expect(lines.map((l) => l.textContent)).toEqual(["Tea towelQuantity 2£9.00", "Enamel mugQuantity 3£30.00"]);
    expect(within(drawer).getByText("Subtotal (5 items)").nextSibling).toHaveTextContent("£39.00");
    expect(within(drawer).getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/checkout");
    expect(within(drawer).getByRole("link", { name: "View cart" })).toHaveAttribute("href", "/cart");
    // The page behind does not scroll while the drawer is open.
    expect(document.documentElement.style.overflow).toBe("hidden");
  });

  it("closes on Escape and gives focus back to the Add to cart button", async () => {
    const { user } = await atProductPage();
    await user.click(screen.getByRole("button", { name: "Add to cart" }));
    await screen.findByRole("dialog", { name: "Your cart" });
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Add to cart" })).toHaveFocus());
    expect(document.documentElement.style.overflow).toBe("");
  });

  it("opens from the header's cart link, keeps Tab inside, and closes from its backdrop back to the link", async () => {
    const { user } = await atProductPage();
    const link = await screen.findByRole("link", { name: "Cart, 2 items" });
    expect(link).toHaveAttribute("href", "/cart");
    await user.click(link);
    const drawer = await screen.findByRole("dialog", { name: "Your cart" });
    expect(drawer).not.toHaveAccessibleDescription();
    // Past the last control Tab wraps to the first, and Shift+Tab from the first to the last: focus never leaves.
    const continueShopping = within(drawer).getByRole("button", { name: "Continue shopping" });
    continueShopping.focus();
    await user.tab();
    expect(within(drawer).getByRole("button", { name: "Close" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(continueShopping).toHaveFocus();

    await user.click(document.querySelector<HTMLElement>(".drawer-backdrop")!);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(link).toHaveFocus();
  });

  it("goes to checkout from its Checkout link and closes", async () => {
    const { user } = await atProductPage();
    await user.click(await screen.findByRole("link", { name: "Cart, 2 items" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("link", { name: "Checkout" }));
    await screen.findByRole("heading", { name: "Checkout", level: 1 });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("says an empty cart is empty and offers no checkout", async () => {
    const cart = fakeCart();
    fakeGateway({ "GET /api/products/by-slug/enamel-mug": { body: productDetail() }, ...cart.routes });
    const user = userEvent.setup();
    renderPage(<AppRoutes />, { route: "/products/enamel-mug" });
    await user.click(await screen.findByRole("link", { name: "Cart, 0 items" }));
    const drawer = await screen.findByRole("dialog", { name: "Your cart" });
    expect(await within(drawer).findByText("Your cart is empty.")).toBeInTheDocument();
    expect(within(drawer).getByRole("button", { name: "Checkout" })).toBeDisabled();
  });
});
