import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { User, UserManager } from "oidc-client-ts";
import { setAccessTokenSource } from "../shared/api/http";
import { AuthContext, type AuthState, type SignedInUser } from "../shared/auth/AuthContext";
import { decodeClaims } from "../shared/auth/claims";
import { createUserManager, signUpUrl } from "../shared/auth/oidc";

function toSignedIn(user: User | null): SignedInUser | null {
  if (!user || user.expired) return null;
  const claims = decodeClaims(user.access_token);
  const profileRoles = user.profile.role;
  const roles = new Set([...claims.roles, ...(Array.isArray(profileRoles) ? profileRoles : typeof profileRoles === "string" ? [profileRoles] : [])]);
  return {
    id: claims.sub ?? user.profile.sub,
    name: claims.name ?? user.profile.name ?? user.profile.email ?? "Account",
    email: claims.email ?? user.profile.email,
    roles: [...roles].filter((r): r is string => typeof r === "string"),
    accessToken: user.access_token,
  };
}

/** Holds the OIDC session and publishes it to the pages and to the API layer. */
export function AuthProvider({ children, manager }: { children: ReactNode; manager?: UserManager }) {
  const userManager = useMemo(() => manager ?? createUserManager(), [manager]);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    const update = (u: User | null): void => {
      if (live) setUser(toSignedIn(u));
    };
    userManager.getUser().then(update).catch(() => update(null)).finally(() => {
      if (live) setLoading(false);
    });
    userManager.events.addUserLoaded(update);
    const clear = (): void => update(null);
    userManager.events.addUserUnloaded(clear);
    userManager.events.addAccessTokenExpired(clear);
    return () => {
      live = false;
      userManager.events.removeUserLoaded(update);
      userManager.events.removeUserUnloaded(clear);
      userManager.events.removeAccessTokenExpired(clear);
    };
  }, [userManager]);

  useEffect(() => setAccessTokenSource(() => user?.accessToken), [user]);

  const signIn = useCallback(
    (returnTo = window.location.pathname + window.location.search) => userManager.signinRedirect({ state: { returnTo } }),
    [userManager],
  );
  const signUp = useCallback(async (returnTo = window.location.pathname + window.location.search) => {
    window.location.assign(signUpUrl(returnTo));
  }, []);
  const signOut = useCallback(async () => {
    await userManager.removeUser();
    await userManager.signoutRedirect().catch(() => window.location.assign("/"));
  }, [userManager]);

  const completeSignIn = useCallback(async () => {
    const signedIn = await userManager.signinRedirectCallback();
    setUser(toSignedIn(signedIn));
    const state = signedIn.state as { returnTo?: unknown } | undefined;
    return typeof state?.returnTo === "string" && state.returnTo.startsWith("/") ? state.returnTo : "/";
  }, [userManager]);

  const value = useMemo<AuthState>(
    () => ({ user, loading, signIn, signUp, signOut, completeSignIn }),
    [user, loading, signIn, signUp, signOut, completeSignIn],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
