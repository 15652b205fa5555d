import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { productsApi, type CollectionItem, type CollectionRequest, productKeys } from "../catalog";
import { AdminField, SaveError, fieldErrorOf, numberOrNull, textOf } from "./AdminField";

interface Form {
  title: string;
  slug: string;
  description: string;
  kind: "rule" | "manual";
  categories: string;
  brands: string;
  minPrice: string;
  maxPrice: string;
  minRating: string;
  sort: string;
  productIds: string;
  showOnHome: boolean;
  active: boolean;
}

export const collectionSorts = [
  { value: "newest", label: "Newest" },
  { value: "best_selling", label: "Best selling" },
  { value: "top_rated", label: "Top rated" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

const formOf = (c?: CollectionItem): Form => ({
  title: c?.title ?? "",
  slug: c?.slug ?? "",
  description: c?.description ?? "",
  kind: c?.kind === "manual" ? "manual" : "rule",
  categories: c?.categories.join(", ") ?? "",
  brands: c?.brands.join(", ") ?? "",
  minPrice: textOf(c?.minPrice),
  maxPrice: textOf(c?.maxPrice),
  minRating: textOf(c?.minRating),
  sort: c?.sort ?? "newest",
  productIds: c?.productIds.join("\n") ?? "",
  showOnHome: c?.showOnHome ?? true,
  active: c?.active ?? true,
});

/** The request for the form: a rule sends only its filter, a manual list only its product ids (the service checks both). */
export function requestOf(form: Form): CollectionRequest {
  const rule = form.kind === "rule";
  return {
    title: form.title,
    slug: form.slug.trim() || null,
    description: form.description.trim() || null,
    kind: form.kind,
    categories: rule ? list(form.categories) : [],
    brands: rule ? list(form.brands) : [],
    minPrice: rule ? numberOrNull(form.minPrice) : null,
    maxPrice: rule ? numberOrNull(form.maxPrice) : null,
    minRating: rule ? numberOrNull(form.minRating) : null,
    sort: rule ? form.sort : null,
    productIds: rule ? [] : list(form.productIds),
    position: null,
    showOnHome: form.showOnHome,
    active: form.active,
  };
}

/** Create or edit a collection: a rule over the catalog or a hand-picked list; each server error beside its field. */
export function CollectionEditor({ collection, onDone }: { collection?: CollectionItem; onDone: () => void }) {
  const [form, setForm] = useState<Form>(() => formOf(collection));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: CollectionRequest) => (collection ? productsApi.updateCollection(collection.id, input) : productsApi.createCollection(input)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onDone();
    },
  });
  const errorOf = fieldErrorOf(save.error);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(requestOf(form));
  };
  const text = (key: "title" | "slug" | "categories" | "brands" | "minPrice" | "maxPrice", label: string, field: string, hint?: string) => (
    <AdminField id={`collection-${key}`} label={label} error={errorOf(field)} hint={hint}>
      {(a) => <input id={`collection-${key}`} value={form[key]} onChange={(e) => set(key)(e.target.value)} {...a} />}
    </AdminField>
  );

  return (
    <form className="panel editor" onSubmit={submit} aria-label={collection ? `Edit ${collection.title}` : "New collection"}>
      <h2>{collection ? `Edit ${collection.title}` : "New collection"}</h2>
      {text("title", "Title", "title")}
      {text("slug", "Address (slug)", "slug", "Lowercase words with hyphens; made from the title when empty.")}
      <AdminField id="collection-description" label="Description" error={errorOf("description")}>
        {(a) => <textarea id="collection-description" rows={2} value={form.description} onChange={(e) => set("description")(e.target.value)} {...a} />}
      </AdminField>
      <AdminField id="collection-kind" label="Products" error={errorOf("kind")}>
        {(a) => (
          <select id="collection-kind" value={form.kind} onChange={(e) => set("kind")(e.target.value as Form["kind"])} {...a}>
            <option value="rule">Chosen by a rule</option>
            <option value="manual">Picked by hand</option>
          </select>
        )}
      </AdminField>
      {form.kind === "rule" ? (
        <>
          {text("categories", "Categories", "categories", "Category slugs, separated by commas; each includes its sub-categories. Empty: all.")}
          {text("brands", "Brands", "brands", "Brand slugs, separated by commas. Empty: all.")}
          {text("minPrice", "Minimum price", "minPrice")}
          {text("maxPrice", "Maximum price", "maxPrice")}
          <AdminField id="collection-minRating" label="Minimum rating" error={errorOf("minRating")}>
            {(a) => (
              <select id="collection-minRating" value={form.minRating} onChange={(e) => set("minRating")(e.target.value)} {...a}>
                <option value="">Any</option>
                {[4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>{`${n}★ & up`}</option>
                ))}
              </select>
            )}
          </AdminField>
          <AdminField id="collection-sort" label="Order" error={errorOf("sort")}>
            {(a) => (
              <select id="collection-sort" value={form.sort} onChange={(e) => set("sort")(e.target.value)} {...a}>
                {collectionSorts.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        </>
      ) : (
        <AdminField id="collection-productIds" label="Product ids" error={errorOf("productIds")} hint="One per line, in the order shown.">
          {(a) => <textarea id="collection-productIds" rows={5} value={form.productIds} onChange={(e) => set("productIds")(e.target.value)} {...a} />}
        </AdminField>
      )}
      <label className="check">
        <input type="checkbox" checked={form.showOnHome} onChange={(e) => set("showOnHome")(e.target.checked)} /> Show on the home page
      </label>
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => set("active")(e.target.checked)} /> Active
      </label>
      <SaveError error={save.error} what="collection" />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save collection"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
