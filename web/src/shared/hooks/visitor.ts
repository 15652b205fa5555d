// An anonymous visitor id (8-64 letters, digits, '-'), kept in this browser so the AI service can learn from views
// before sign-in and recommend from them. Not a tracking cookie: it never leaves except in those two calls.
const key = "ecommerce.visitor.v1";

export function visitorId(storage: Storage | null = typeof localStorage === "undefined" ? null : localStorage): string {
  const existing = storage?.getItem(key);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const created = crypto.randomUUID();
  storage?.setItem(key, created);
  return created;
}
