// The Users service's query keys: the profile and the address book (checkout's address picker reads the same list).

export const userKeys = {
  all: ["users"] as const,
  me: () => [...userKeys.all, "me"] as const,
  addresses: () => [...userKeys.all, "addresses"] as const,
};
