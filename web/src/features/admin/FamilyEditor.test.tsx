import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FamilyDetail } from "./api/families";
import { admin, fakeGateway, renderPage } from "../../test/render";
import AdminFamiliesPage from "./AdminFamiliesPage";
import { FamilyManager } from "./FamilyManager";
import { combinationCount, labelOf, missingCombinations } from "./familyModel";

afterEach(() => vi.unstubAllGlobals());

const options = [
  { name: "Colour", values: ["Blue", "Red"] },
  { name: "Size", values: ["S", "M"] },
];

const shirt: FamilyDetail = {
  id: "f1", name: "Linen Shirt", slug: "linen-shirt", description: "Cool.", category: { id: 1, name: "Decor", slug: "decor", parentSlug: null },
  brand: { id: 1, name: "Acme", slug: "acme" }, options,
  variants: [{ id: "v1", sku: "SH-BS", slug: "linen-shirt-blue-s", label: "Blue / S", options: { Colour: "Blue", Size: "S" }, price: 20, currency: "GBP", available: 5, active: true }],
};

const categories = { body: [{ id: 1, name: "Decor", slug: "decor", parentSlug: null }] };
const invalid = (errors: Record<string, string[]>) => ({ status: 400, body: { title: "One or more validation errors occurred.", status: 400, errors } });

describe("familyModel", () => {
  it("lists the combinations no variant has, in the options' order, whatever case a variant's values are in", () => {
    const made = [{ options: { Colour: "blue", Size: "s" } }, { options: { Colour: "Red", Size: "M" } }];
    expect(missingCombinations(options, made).map((v) => labelOf(options, v))).toEqual(["Blue / M", "Red / S"]);
    expect(combinationCount(options)).toBe(4);
    expect(missingCombinations(options, [], 3)).toHaveLength(3);
  });
});

describe("AdminFamiliesPage", () => {
  it("creates a family with its options in the order typed, then opens it to add variants", async () => {
    const gateway = fakeGateway({
      "GET /api/products/families": { body: { items: [], next: null } },
      "GET /api/products/categories": categories,
      "POST /api/products/families": { status: 201, body: { ...shirt, variants: [] } },
      "GET /api/products/families/f1": { body: { ...shirt, variants: [] } },
    });
    const user = userEvent.setup();
    renderPage(<AdminFamiliesPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "New family" }));
    await user.type(screen.getByLabelText("Family name"), "Linen Shirt");
    await user.selectOptions(screen.getByLabelText("Category"), "decor");
    await user.type(screen.getByLabelText("Brand"), "Acme");
    await user.type(screen.getByLabelText("Option 1 values"), "Blue, Red");
    await user.click(screen.getByRole("button", { name: "Add an option" }));
    await user.type(screen.getByLabelText("Option 2 values"), "S, M");
    await user.click(screen.getByRole("button", { name: "Create family" }));

    expect(await screen.findByRole("heading", { name: "Linen Shirt" })).toBeInTheDocument();
    const post = gateway.requests.find((r) => r.method === "POST");
    expect(post?.body).toEqual({ name: "Linen Shirt", description: null, category: "decor", brand: "Acme", options });
    expect(screen.getAllByRole("row", { name: /^(Blue|Red) \/ (S|M)/ })).toHaveLength(4);
  });

  it("shows the server's refusal of an option's values beside that option", async () => {
    fakeGateway({
      "GET /api/products/families": { body: { items: [], next: null } },
      "GET /api/products/categories": categories,
      "POST /api/products/families": invalid({ "options[0].values": ["An option's values are distinct."] }),
    });
    const user = userEvent.setup();
    renderPage(<AdminFamiliesPage />, { user: admin });

    await user.click(await screen.findByRole("button", { name: "New family" }));
    await user.type(screen.getByLabelText("Family name"), "Cap");
    await user.selectOptions(screen.getByLabelText("Category"), "decor");
    await user.type(screen.getByLabelText("Brand"), "Acme");
    await user.type(screen.getByLabelText("Option 1 values"), "Red, red");
    await user.click(screen.getByRole("button", { name: "Create family" }));

    const field = screen.getByLabelText("Option 1 values");
    await vi.waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(field).toHaveAccessibleDescription(expect.stringContaining("An option's values are distinct."));
  });
});

describe("FamilyManager", () => {
  it("adds the combinations given a SKU, one request each, and shows a refused row's error beside its SKU", async () => {
    const gateway = fakeGateway({
      "GET /api/products/families/f1": { body: shirt },
      "GET /api/products/categories": categories,
      "POST /api/products/families/f1/variants": (r) =>
        (r.body as { sku: string }).sku === "SH-RS" ? invalid({ sku: ["A product with sku 'SH-RS' exists."] }) : { status: 201, body: {} },
    });
    const user = userEvent.setup();
    renderPage(<FamilyManager id="f1" onDone={() => {}} />, { user: admin });

    await user.type(await screen.findByLabelText("SKU for Blue / M"), "SH-BM");
    await user.type(screen.getByLabelText("Price for Blue / M"), "21.5");
    await user.clear(screen.getByLabelText("Initial stock for Blue / M"));
    await user.type(screen.getByLabelText("Initial stock for Blue / M"), "4");
    await user.type(screen.getByLabelText("SKU for Red / S"), "SH-RS");
    await user.type(screen.getByLabelText("Price for Red / S"), "22");
    await user.click(screen.getByRole("button", { name: "Add variants" }));

    await vi.waitFor(() => expect(screen.getByLabelText("SKU for Red / S")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("SKU for Red / S")).toHaveAccessibleDescription("A product with sku 'SH-RS' exists.");
    const posts = gateway.requests.filter((r) => r.method === "POST").map((r) => r.body);
    expect(posts).toEqual([
      { sku: "SH-BM", price: 21.5, optionValues: { Colour: "Blue", Size: "M" }, initialStock: 4 },
      { sku: "SH-RS", price: 22, optionValues: { Colour: "Red", Size: "S" }, initialStock: 0 },
    ]);
    expect(screen.getByRole("status")).toHaveTextContent("1 variant added.");
  });

  it("adds a colour, moves it first and saves the options; hides a variant", async () => {
    let current = shirt;
    const gateway = fakeGateway({
      "GET /api/products/families/f1": () => ({ body: current }),
      "GET /api/products/categories": categories,
      "PUT /api/products/families/f1/options": (r) => ({ body: (current = { ...current, options: (r.body as { options: typeof options }).options }) }),
      "PUT /api/products/families/variants/v1/active": () => ({ body: (current = { ...current, variants: [{ ...shirt.variants[0]!, active: false }] }) }),
    });
    const user = userEvent.setup();
    renderPage(<FamilyManager id="f1" onDone={() => {}} />, { user: admin });

    await user.type(await screen.findByLabelText("New value for Colour"), "Green{Enter}");
    await user.click(screen.getByRole("button", { name: "Move Green up" }));
    await user.click(screen.getByRole("button", { name: "Move Green up" }));
    await user.click(screen.getByRole("button", { name: "Save options" }));
    await vi.waitFor(() => expect(gateway.requests.some((r) => r.url.endsWith("/options"))).toBe(true));
    expect(gateway.requests.find((r) => r.url.endsWith("/options"))?.body).toEqual({ options: [{ name: "Colour", values: ["Green", "Blue", "Red"] }, options[1]] });

    await user.click(within(screen.getByTestId("variant-SH-BS")).getByRole("button", { name: "Hide Blue / S" }));
    expect(await within(screen.getByTestId("variant-SH-BS")).findByText("Hidden")).toBeInTheDocument();
    expect(gateway.requests.find((r) => r.url.endsWith("/active"))?.body).toEqual({ active: false });
  });
});
