import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useAuth } from "../../shared/auth/AuthContext";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { usePageTitle } from "../../shared/ui/usePageTitle";

/** The OIDC redirect lands here: exchange the code (PKCE) for tokens, then go back where the shopper was. */
export function SignInCallbackPage() {
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);
  useEffect(() => {
    // The code can be redeemed once; StrictMode's double effect must not try twice.
    if (started.current) return;
    started.current = true;
    completeSignIn().then((to) => navigate(to, { replace: true }), setError);
  }, [completeSignIn, navigate]);
  return error ? (
    <section className="panel">
      <h1>Sign-in failed</h1>
      <ErrorMessage error={error} />
    </section>
  ) : (
    <Loading label="Signing you in…" />
  );
}

/** /signin?returnTo=… starts a sign-in; the Auth service's registration page returns here after sign-up. */
export function SignInPage() {
  const { signIn } = useAuth();
  const [params] = useSearchParams();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const returnTo = params.get("returnTo");
    void signIn(returnTo?.startsWith("/") ? returnTo : "/");
  }, [params, signIn]);
  return <Loading label="Redirecting to sign-in…" />;
}

/** Any address the storefront does not know: said plainly, with the ways back into the store. */
export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>We couldn't find the page you asked for. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link to="/">Home page</Link> · <Link to="/catalog">Browse the catalog</Link>
      </p>
    </section>
  );
}
