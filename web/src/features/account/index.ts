// The account feature's public entry: what other features may import from it (the rest of features/account/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { AddressFields } from "./AddressFields";
export { emptyAddress, usersApi } from "./api";
export type { AddressInput } from "./api";
export * from "./queryKeys";
