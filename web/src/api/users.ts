import { request } from "./http";

// Users service: profile, address book (the agreed address shape), export and deletion.

export interface Address {
  id: string;
  label: string;
  recipient: string;
  line1: string;
  line2?: string | null;
  city: string;
  postcode: string;
  region?: string | null;
  country: string;
  phone?: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

export type AddressInput = Omit<Address, "id">;

export interface Profile {
  userId: string;
  email: string;
  displayName: string;
  phone: string | null;
  marketingConsent: boolean;
}

/** Users replaces the whole editable profile: consent must always be stated (true or false), never left out. */
export interface ProfileInput {
  displayName: string;
  phone?: string | null;
  marketingConsent: boolean;
}

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
