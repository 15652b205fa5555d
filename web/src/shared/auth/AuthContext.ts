import { createContext, useContext } from "react";

/** The signed-in shopper as the pages see it. */
export interface SignedInUser {
  id: string;
  name: string;
  email?: string;
  roles: string[];
  accessToken: string;
}

export interface AuthState {
  user: SignedInUser | null;
  loading: boolean;
  signIn: (returnTo?: string) => Promise<void>;
  signUp: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Finishes the code exchange on the callback page; answers where the shopper was going. */
  completeSignIn: () => Promise<string>;
}

export const AuthContext = createContext<AuthState>({
  user: null,
  loading: false,
  signIn: async () => {},
  signUp: async () => {},
  signOut: async () => {},
  completeSignIn: async () => "/",
});

export const useAuth = (): AuthState => useContext(AuthContext);

export const isAdmin = (user: SignedInUser | null): boolean => user?.roles.includes("admin") ?? false;
