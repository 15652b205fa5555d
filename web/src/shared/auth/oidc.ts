import { UserManager, WebStorageStateStore } from "oidc-client-ts";

// Authorization code + PKCE against the Auth service, reached through the gateway on the same origin
// (/.well-known and /connect are proxied). Public client `storefront`: no secret in the browser.
// The same path Auth registers for the gateway-served storefront (AppHost: {gateway}/auth/callback).
export const callbackPath = "/auth/callback";

export function createUserManager(origin = window.location.origin): UserManager {
  return new UserManager({
    authority: import.meta.env.VITE_OIDC_AUTHORITY ?? origin,
    client_id: import.meta.env.VITE_OIDC_CLIENT_ID ?? "storefront",
    redirect_uri: `${origin}${callbackPath}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: "code",
    scope: import.meta.env.VITE_OIDC_SCOPE ?? "openid profile email roles offline_access",
    // Tokens in sessionStorage: gone with the tab, never shared across sites.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
  });
}

/** The Auth service's registration page; it returns to the storefront's sign-in afterwards. */
export function signUpUrl(returnTo: string): string {
  const next = `/signin?returnTo=${encodeURIComponent(returnTo)}`;
  return `/account/register?returnUrl=${encodeURIComponent(next)}`;
}
