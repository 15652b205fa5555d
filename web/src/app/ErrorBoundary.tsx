import { Component, type ReactNode } from "react";
import { Link } from "react-router";

/**
 * A page that throws while rendering shows a friendly message in place of the page (the header, its navigation and
 * the footer stay), instead of the whole storefront going blank. A new `resetKey` (the layout passes the path) clears
 * it, so moving to another page tries again without remounting pages that did not fail.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean; key?: string }> {
  override state: { failed: boolean; key?: string } = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { failed: boolean; key?: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override componentDidCatch(error: unknown) {
    console.error("A page failed to render", error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="panel" role="alert">
        <h1>Sorry, something went wrong</h1>
        <p>This page could not be shown. Your cart and orders are safe.</p>
        <p>
          <button type="button" className="button secondary" onClick={() => window.location.reload()}>
            Reload the page
          </button>{" "}
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }
}
