import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { VariantPicker } from "./VariantPicker";

const variant = (id: string, colour: string, size: string, available: number) =>
  ({ id, sku: id, slug: id, options: { Colour: colour, Size: size }, price: 20, currency: "GBP", available, imageUrl: null, gallery: [] });
const family = {
  id: "f1", name: "Linen shirt", slug: "linen-shirt",
  options: [{ name: "Colour", values: ["Blue", "Red"] }, { name: "Size", values: ["S", "M"] }],
  variants: [variant("blue-s", "Blue", "S", 5), variant("blue-m", "Blue", "M", 0), variant("red-s", "Red", "S", 2)],
};

describe("VariantPicker", () => {
  it("offers each option as a radio group, marks unavailable combinations and picks the matching variant", () => {
    const onSelect = vi.fn();
    render(<VariantPicker family={family} selected={family.variants[0]!} onSelect={onSelect} />);

    const sizes = screen.getByRole("radiogroup", { name: "Size" });
    expect(within(sizes).getByRole("radio", { name: "S" })).toHaveAttribute("aria-checked", "true");
    // Blue / M is sold out: marked, still reachable.
    expect(within(sizes).getByRole("radio", { name: "M (unavailable)" })).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole("radiogroup", { name: "Colour" })).getByRole("radio", { name: "Red" }));
    expect(onSelect).toHaveBeenLastCalledWith(family.variants[2]);
    // Arrow keys move within a group, as radio groups do.
    fireEvent.keyDown(within(sizes).getByRole("radio", { name: "S" }), { key: "ArrowRight" });
    expect(onSelect).toHaveBeenLastCalledWith(family.variants[1]);
    // Focus follows to the value chosen (not the group's label line), so the next key press moves on from there.
    expect(within(sizes).getByRole("radio", { name: "M (unavailable)" })).toHaveFocus();
  });
});
