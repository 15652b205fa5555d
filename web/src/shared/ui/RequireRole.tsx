import type { ReactNode } from "react";
import { useAuth } from "../auth/AuthContext";
import { Loading } from "./Status";

/** Shows its children only to a signed-in user with the role; others get a sign-in button or a plain refusal. */
export function RequireRole({ role, children }: { role?: "admin"; children: ReactNode }) {
  const { user, loading, signIn } = useAuth();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <section className="panel">
        <h1>Please sign in</h1>
        <p>You need to be signed in to see this page.</p>
        <button type="button" className="button" onClick={() => void signIn()}>
          Sign in
        </button>
      </section>
    );
  }
  if (role && !user.roles.includes(role)) {
    return (
      <section className="panel">
        <h1>Not allowed</h1>
        <p>This page is for store administrators.</p>
      </section>
    );
  }
  return <>{children}</>;
}
