import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import type { QuoteView } from "../../cart/api";
import { fakeGateway, renderPage } from "../../../test/render";
import { DeliveryPromise } from "./DeliveryPromise";

afterEach(() => vi.unstubAllGlobals());

const option = (code: string, name: string, fee: number, earliestDelivery: string, latestDelivery: string) =>
  ({ code, name, zone: "United Kingdom", fee, earliestDelivery, latestDelivery });

const quote: QuoteView = {
  currency: "GBP", pricesIncludeTax: true, country: "GB", lines: [], subtotal: 24.5, discount: 0, discountCode: null, discountDescription: null,
  shipping: option("uk-standard", "Standard delivery", 4.95, "2026-12-04", "2026-12-08"),
  shippingOptions: [option("uk-standard", "Standard delivery", 4.95, "2026-12-04", "2026-12-08"), option("uk-collect", "Click and collect", 0, "2026-12-07", "2026-12-07")],
  taxes: [], tax: 4.08, total: 29.45, totalMinor: 2945, fingerprint: "f",
};

describe("DeliveryPromise", () => {
  it("says the price includes VAT and when each delivery option arrives, from Orders' quote for the product", async () => {
    const gateway = fakeGateway({ "GET /api/orders/delivery-quote": { body: quote } });
    renderPage(<DeliveryPromise productId="p1" canBuy />);

    expect(await screen.findByText(/Price includes VAT of/)).toHaveTextContent("Price includes VAT of £4.08.");
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Standard delivery: £4.95, arrives Fri 4 Dec – Tue 8 Dec", "Click and collect: free, arrives Mon 7 Dec"]);
    expect(gateway.requests.map((r) => r.url)).toEqual(["/api/orders/delivery-quote?productId=p1"]);
  });

  it("asks nothing for a product that cannot be bought, and shows nothing when Orders cannot quote it", async () => {
    const gateway = fakeGateway({ "GET /api/orders/delivery-quote": { status: 400, body: { title: "Bad", status: 400, errors: { productId: ["sold out"] } } } });
    const { container, unmount } = renderPage(<DeliveryPromise productId="p1" canBuy={false} />);
    expect(container).toBeEmptyDOMElement();
    expect(gateway.requests).toHaveLength(0);
    unmount();

    const quoted = renderPage(<DeliveryPromise productId="p1" canBuy />);
    await waitFor(() => expect(gateway.requests).toHaveLength(1));
    await waitFor(() => expect(quoted.container).toBeEmptyDOMElement());
  });
});
