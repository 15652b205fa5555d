import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AddressInput } from "./api";
import { AddressFields } from "./AddressFields";
import { countries } from "./countries";

const address: AddressInput = {
  label: "Home", recipient: "Ada Lovelace", line1: "1 High Street", line2: null, city: "Leeds", postcode: "LS1 1AA", region: null,
  country: "GB", phone: null, isDefaultShipping: null, isDefaultBilling: null,
};

describe("AddressFields", () => {
  it("names the country from a list and sends its ISO code", async () => {
    const onChange = vi.fn();
    render(<AddressFields value={address} onChange={onChange} />);
    const country = screen.getByRole("combobox", { name: "Country" });
    expect(country).toHaveDisplayValue("United Kingdom");

    await userEvent.selectOptions(country, "France");

    expect(onChange).toHaveBeenCalledWith({ ...address, country: "FR" });
  });

  it("asks for a country when the address has none, and ties the server's error to the select", () => {
    render(<AddressFields value={{ ...address, country: "" }} onChange={() => {}} errorFor={(f) => (f === "country" ? "Choose the country." : undefined)} />);
    const country = screen.getByRole("combobox", { name: "Country" });
    expect(country).toHaveDisplayValue("Choose a country");
    expect(country).toHaveAccessibleDescription("Choose the country.");
    expect(country).toBeInvalid();
  });
});

describe("countries", () => {
  it("lists every ISO 3166-1 alpha-2 code once, sorted by its name", () => {
    const list = countries("en");
    expect(list).toHaveLength(249);
    expect(new Set(list.map((c) => c.code)).size).toBe(249);
    expect(list.find((c) => c.code === "DE")?.name).toBe("Germany");
    const names = list.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("en").compare));
  });
});
