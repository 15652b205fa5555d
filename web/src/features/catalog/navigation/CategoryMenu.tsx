import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Link, useLocation } from "react-router";
import { categoryHref, categoryTree, type CategoryNode } from "./categoryTree";
import { useCategories } from "./Breadcrumbs";
import "./navigation.css";

/**
 * "Shop by category": a disclosure (a button with aria-expanded controlling a panel of nested link lists), the
 * navigation-menu pattern WAI-ARIA recommends for site navigation rather than an application menu. Tab moves through
 * the links; Arrow Down/Up move between them too; Escape closes and returns focus to the button; following a link or
 * moving focus out of the panel closes it. On a phone the same panel opens full width under the header.
 */
export function CategoryMenu() {
  const [open, setOpen] = useState(false);
  const categories = useCategories();
  const roots = categoryTree(categories.data ?? []);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const location = useLocation();

  // Any navigation (a link followed here or elsewhere) closes the panel.
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  const links = () => [...(panel.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      setOpen(false);
      button.current?.focus();
      return;
    }
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const to = event.key === "ArrowDown" ? at + 1 : event.key === "ArrowUp" ? at - 1 : event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : null;
    if (to === null || all.length === 0) return;
    event.preventDefault();
    all[(to + all.length) % all.length]?.focus();
  };

  return (
    <div
      className="category-menu"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          // "All products" is always in the panel, so Arrow Down opens it even while the categories are loading.
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => links()[0]?.focus());
          } else if (e.key === "Escape") setOpen(false);
        }}
      >
        Categories
      </button>
      <div id={panelId} ref={panel} className="category-panel" hidden={!open} onKeyDown={onKeyDown}>
        {categories.isError ? (
          <p>Categories could not be loaded.</p>
        ) : (
          <ul>
            <li>
              <Link to="/catalog">All products</Link>
            </li>
            {roots.map((root) => (
              <CategoryLinks key={root.slug} node={root} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function CategoryLinks({ node }: { node: CategoryNode }) {
  return (
    <li>
      <Link to={categoryHref(node.slug)}>{node.name}</Link>
      {node.children.length > 0 && (
        <ul aria-label={node.name}>
          {node.children.map((child) => (
            <CategoryLinks key={child.slug} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
