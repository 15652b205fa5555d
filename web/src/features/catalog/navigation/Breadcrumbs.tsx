import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { productsApi } from "../api/products";
import { categoryHref, categoryTrail } from "./categoryTree";
import { productKeys } from "../queryKeys";

export interface Crumb {
  label: string;
  /** The last crumb (the current page) has none. */
  to?: string;
}

/** The trail as a labelled navigation landmark; the current page is the last item, marked aria-current and not a link. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={`${i}:${crumb.label}`}>
            {crumb.to && i < crumbs.length - 1 ? <Link to={crumb.to}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The category tree, shared by the menu and the breadcrumbs (one request, cached for the session's browsing). */
export const useCategories = () => useQuery({ queryKey: productKeys.categories(), queryFn: productsApi.categories, staleTime: 5 * 60_000 });

/**
 * Home > Parent > Category, then the page itself when it is not the category (a product). Nothing until the tree has
 * loaded or when the category is unknown, so no half trail flashes up.
 */
export function CategoryBreadcrumbs({ category, current }: { category: string; current?: string }) {
  const categories = useCategories();
  const trail = categoryTrail(categories.data ?? [], category);
  if (trail.length === 0) return null;
  const crumbs: Crumb[] = [{ label: "Home", to: "/" }, ...trail.map((c) => ({ label: c.name, to: categoryHref(c.slug) }))];
  if (current) crumbs.push({ label: current });
  return <Breadcrumbs crumbs={crumbs} />;
}
