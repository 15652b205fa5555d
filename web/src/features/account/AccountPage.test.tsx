import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, renderPage, shopper } from "../../test/render";
import AccountPage from "./AccountPage";

afterEach(() => vi.unstubAllGlobals());

const profile = { userId: "user-a", email: "ada@example.com", displayName: "Ada", phone: null, marketingConsent: true };

describe("AccountPage", () => {
  it("saves the whole profile, stating marketing consent as Users requires", async () => {
    const { requests } = fakeGateway({
      "GET /api/users/me": { body: profile },
      "GET /api/users/me/addresses": { body: [] },
      "PUT /api/users/me": { body: { ...profile, displayName: "Grace", marketingConsent: false } },
    });
    const user = userEvent.setup();
    renderPage(<AccountPage />, { user: shopper });
    const name = await screen.findByLabelText("Name", { exact: true });
    await user.clear(name);
    await user.type(name, "Grace");
    expect(screen.getByLabelText("Send me offers by e-mail")).toBeChecked();
    await user.click(screen.getByLabelText("Send me offers by e-mail"));
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({ displayName: "Grace", phone: "", marketingConsent: false });
  });
});
