import { Suspense, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation, useSearchParams } from "react-router";
import { isAdmin, useAuth } from "../shared/auth/AuthContext";
import { useCart, useMergeCartOnSignIn } from "../features/cart/useCart";
import { CartDrawerProvider } from "../features/cart/CartDrawer";
import { useCartDrawer } from "../features/cart/cartDrawerContext";
import { brand, Logo } from "../shared/brand/brand";
import { contentLinks } from "./content";
import { BusyNotice } from "./BusyNotice";
import { ErrorBoundary } from "./ErrorBoundary";
import { CategoryMenu } from "../features/catalog/navigation/CategoryMenu";
import { SearchBox } from "../features/catalog/navigation/SearchBox";
import { Loading } from "../shared/ui/Status";
import { useMergeWishlistOnSignIn, useWishlistIds } from "../features/catalog/wishlist/useWishlist";

/** Header, navigation and the main region. On navigation, focus moves to the new page's heading for screen readers. */
export function Layout() {
  const location = useLocation();
  const [params] = useSearchParams();
  const main = useRef<HTMLElement>(null);
  // The path focus was last placed for. Comparing paths (rather than a "first render" flag) keeps the first page's
  // focus alone under React StrictMode too, which runs effects twice on mount in the dev server the AppHost starts.
  const focusedPath = useRef(location.pathname);

  useEffect(() => {
    if (focusedPath.current === location.pathname) return;
    focusedPath.current = location.pathname;
    const heading = main.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else main.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <CartDrawerProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <Logo /> {brand.name}
        </Link>
        <SearchBox initial={location.pathname === "/catalog" ? (params.get("q") ?? "") : ""} />
        <SiteNav />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <BusyNotice />
      <footer className="site-footer">
        <nav aria-label="Store information">
          <ul className="footer-links">
            {contentLinks.map(({ slug, title }) => (
              <li key={slug}>
                <Link to={`/help/${slug}`}>{title}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          © {brand.name}. Payments in development use a simulated provider: no real money moves.
        </p>
      </footer>
    </CartDrawerProvider>
  );
}

function SiteNav() {
  const { user, loading, signIn, signUp, signOut } = useAuth();
  useMergeCartOnSignIn();
  useMergeWishlistOnSignIn();
  const count = useCart().data?.itemCount ?? 0;
  const saved = useWishlistIds().count;
  const drawer = useCartDrawer();
  return (
    <nav aria-label="Main" className="site-nav">
      <CategoryMenu />
      <NavLink to="/catalog">Catalog</NavLink>
      <NavLink to="/wishlist" aria-label={`Wishlist, ${saved} ${saved === 1 ? "item" : "items"}`}>
        Wishlist <span className="badge">{saved}</span>
      </NavLink>
      {/* A link, so a new tab or a copied address still reaches /cart; a plain click opens the cart drawer instead. */}
      <NavLink
        to="/cart"
        aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}
        aria-haspopup="dialog"
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          drawer.open({ opener: e.currentTarget });
        }}
      >
        Cart <span className="badge">{count}</span>
      </NavLink>
      {/* Fixed-width slot: the auth links appear without pushing the header around. */}
      <span className="auth-slot">
        {loading ? null : user ? (
          <>
            <NavLink to="/orders">Orders</NavLink>
            <NavLink to="/my-account">Account</NavLink>
            {isAdmin(user) && <NavLink to="/admin">Admin</NavLink>}
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </>
        ) : (
          <>
            <button type="button" className="link-button" onClick={() => void signIn()}>
              Sign in
            </button>
            <button type="button" className="link-button" onClick={() => void signUp()}>
              Sign up
            </button>
          </>
        )}
      </span>
    </nav>
  );
}
