import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { GalleryImage } from "../catalog";
import { admin, fakeGateway, productDetail, renderPage } from "../../test/render";
import { ProductEditor } from "./ProductEditor";

afterEach(() => vi.unstubAllGlobals());

const upload = (id: string, alt: string | null): GalleryImage => ({
  id, alt, width: 600, height: 800,
  renditions: [{ name: "thumb", width: 120, height: 160, url: `/api/products/images/${id}-thumb.jpg`, webp: `/api/products/images/${id}-thumb.webp` }],
});

const id = "0196a1b2-0000-7000-8000-000000000001";

describe("the product editor's alt texts", () => {
  it("edits each uploaded image's alt text and shows the server's error beside the field", async () => {
    const page = productDetail({ id, gallery: [upload("i1", "Mug, front"), upload("i2", null)] });
    const gateway = fakeGateway({
      [`GET /api/products/${id}`]: { body: page },
      "GET /api/products/categories": { body: [] },
      [`PUT /api/products/${id}/images/i2`]: (request) =>
        String((request.body as { alt: string }).alt).length > 20
          ? { status: 400, body: { title: "One or more validation errors occurred.", status: 400, errors: { alt: ["At most 250 characters."] } } }
          : { body: page },
    });
    const user = userEvent.setup();
    renderPage(<ProductEditor id={id} onDone={() => {}} />, { user: admin });

    expect(await screen.findByLabelText("Alt text of image 1")).toHaveValue("Mug, front");
    const second = screen.getByLabelText("Alt text of image 2");
    expect(second).toHaveValue("");
    await user.type(second, "Mug, handle side");
    await user.click(screen.getByRole("button", { name: "Save alt text of image 2" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Saved");
    expect(gateway.requests.find((r) => r.method === "PUT")?.body).toEqual({ alt: "Mug, handle side" });

    await user.type(second, " on a long description");
    await user.click(screen.getByRole("button", { name: "Save alt text of image 2" }));
    expect(await screen.findByText("At most 250 characters.")).toBeInTheDocument();
    expect(second).toHaveAttribute("aria-invalid", "true");
    // The next upload's alt text has its own field.
    expect(screen.getByLabelText("Alt text of the next upload (optional)")).toHaveValue("");
  });
});
