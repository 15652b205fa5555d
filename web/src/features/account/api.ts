import type { components } from "../../api/generated/users";
import { request } from "../../shared/api/http";

// Users service: profile, address book (entries are PostalAddress plus id, label and defaults), export and deletion.
// The shapes are the service's own, generated from its OpenAPI document (openapi/users.json, npm run api:types).

type Schemas = components["schemas"];

/** An address-book entry: a PostalAddress (./address) with its id, label and default flags. */
export type Address = Schemas["AddressResponse"];

/** What the address form edits and sends: the entry without its id. */
export type AddressInput = Schemas["SaveAddressRequest"];

export type Profile = Schemas["ProfileResponse"];

/** Users replaces the whole editable profile: consent must always be stated (true or false), never left out. */
export type ProfileInput = Schemas["UpdateProfileRequest"];

export const usersApi = {
  me: () => request<Profile>("/api/users/me"),
  updateMe: (input: ProfileInput) => request<Profile>("/api/users/me", { method: "PUT", body: input }),
  addresses: () => request<Address[]>("/api/users/me/addresses"),
  addAddress: (input: AddressInput) => request<Address>("/api/users/me/addresses", { method: "POST", body: input }),
  updateAddress: (id: string, input: AddressInput) => request<Address>(`/api/users/me/addresses/${id}`, { method: "PUT", body: input }),
  deleteAddress: (id: string) => request<void>(`/api/users/me/addresses/${id}`, { method: "DELETE" }),
  exportData: () => request<unknown>("/api/users/me/export"),
  deleteMe: () => request<void>("/api/users/me", { method: "DELETE" }),
};

export const emptyAddress: AddressInput = {
  label: "Home",
  recipient: "",
  line1: "",
  line2: "",
  city: "",
  postcode: "",
  region: "",
  country: "GB",
  phone: "",
  isDefaultShipping: false,
  isDefaultBilling: false,
};
