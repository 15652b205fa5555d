// Reads the claims the storefront needs from the access token (roles live there per the agreed token contract).
// Decoding only: the signature is the services' business; the browser merely decides what to show.

export interface TokenClaims {
  sub?: string;
  email?: string;
  name?: string;
  roles: string[];
}

export function decodeClaims(jwt: string | undefined): TokenClaims {
  if (!jwt) return { roles: [] };
  const payload = jwt.split(".")[1];
  if (!payload) return { roles: [] };
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const claims = JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
    return {
      sub: asString(claims.sub),
      email: asString(claims.email),
      name: asString(claims.name),
      roles: asStrings(claims.role).concat(asStrings(claims.roles)),
    };
  } catch {
    return { roles: [] };
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
