import type { CategoryItem } from "../api/products";

/** A category with its sub-categories, for the menu. */
export interface CategoryNode extends CategoryItem {
  children: CategoryNode[];
}

/** The flat list (each with its parent's slug) as a tree of roots, each level by name. */
export function categoryTree(categories: CategoryItem[]): CategoryNode[] {
  const nodes = new Map(categories.map((c) => [c.slug, { ...c, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentSlug ? nodes.get(node.parentSlug) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (list: CategoryNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    list.forEach((n) => byName(n.children));
    return list;
  };
  return byName(roots);
}

/** The category and its ancestors, root first: the breadcrumb trail. Empty when the slug is unknown; a cycle stops it. */
export function categoryTrail(categories: CategoryItem[], slug: string): CategoryItem[] {
  const trail: CategoryItem[] = [];
  for (let c = categories.find((x) => x.slug === slug); c && !trail.includes(c); c = categories.find((x) => x.slug === c!.parentSlug)) {
    trail.unshift(c);
  }
  return trail;
}

export const categoryHref = (slug: string) => `/catalog?category=${encodeURIComponent(slug)}`;
