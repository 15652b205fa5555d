import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { productsApi, type CollectionItem, collectionHref, productKeys } from "../catalog";
import { Confirm } from "../../shared/ui/Confirm";
import { ErrorMessage } from "../../shared/ui/Status";
import { EmptyState, ListSkeleton } from "../../shared/ui/ListStates";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { CollectionEditor, collectionSorts } from "./CollectionEditor";
import { SaveError } from "./AdminField";
import { adminProductKeys } from "./queryKeys";

type Panel = { collection?: CollectionItem } | null;

/** What a collection holds, in words: "Gifts · under £10 · best selling" or "6 products picked by hand". */
export function describeCollection(c: CollectionItem): string {
  if (c.kind === "manual") return `${c.productIds.length} product${c.productIds.length === 1 ? "" : "s"} picked by hand`;
  const parts = [
    c.categories.length ? c.categories.join(", ") : "All categories",
    ...(c.brands.length ? [c.brands.join(", ")] : []),
    ...(c.minPrice !== null ? [`from £${c.minPrice}`] : []),
    ...(c.maxPrice !== null ? [`under £${c.maxPrice}`] : []),
    ...(c.minRating !== null ? [`${c.minRating}★ & up`] : []),
    (collectionSorts.find((s) => s.value === c.sort)?.label ?? "Newest").toLowerCase(),
  ];
  return parts.join(" · ");
}

/** The merchandised collections: the home page shows those marked for it, in this order (moved with Up and Down). */
export default function AdminCollectionsPage() {
  usePageTitle("Collections · Admin");
  const [panel, setPanel] = useState<Panel>(null);
  const [deleting, setDeleting] = useState<CollectionItem | null>(null);
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: adminProductKeys.collections(), queryFn: productsApi.allCollections, refetchOnMount: "always" });
  const changed = () => queryClient.invalidateQueries({ queryKey: productKeys.all });
  const reorder = useMutation({ mutationFn: productsApi.reorderCollections, onSuccess: changed });
  const remove = useMutation({ mutationFn: (id: number) => productsApi.deleteCollection(id), onSuccess: async () => { setDeleting(null); await changed(); } });
  const move = (at: number, by: number) => {
    const ids = (list.data ?? []).map((c) => c.id);
    const [moved] = ids.splice(at, 1);
    ids.splice(at + by, 0, moved!);
    reorder.mutate(ids);
  };

  return (
    <section>
      <h1>Collections</h1>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setPanel({})}>
          New collection
        </button>
      </div>
      {panel && <CollectionEditor key={panel.collection?.id ?? "new"} collection={panel.collection} onDone={() => setPanel(null)} />}
      <SaveError error={reorder.error ?? remove.error} what="collection" />
      {deleting && (
        <Confirm
          question={`Delete the collection “${deleting.title}”? Its page and home row go at once.`}
          confirmLabel="Delete collection"
          keepLabel="Keep it"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting.id)}
          onKeep={() => setDeleting(null)}
        />
      )}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <ListSkeleton rows={3} />
      ) : list.data.length === 0 ? (
        <EmptyState>No collections yet.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Collections, in home page order</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Products</th>
              <th scope="col">On home</th>
              <th scope="col">Active</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c, i, all) => (
              <tr key={c.id} data-testid={`collection-${c.slug}`}>
                <th scope="row">
                  <Link to={collectionHref(c)}>{c.title}</Link>
                </th>
                <td>{describeCollection(c)}</td>
                <td>{c.showOnHome ? "Yes" : "No"}</td>
                <td>{c.active ? "Yes" : "No"}</td>
                <td className="actions">
                  <button type="button" className="link-button" aria-label={`Move ${c.title} up`} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)}>
                    Up
                  </button>
                  <button type="button" className="link-button" aria-label={`Move ${c.title} down`} disabled={i === all.length - 1 || reorder.isPending} onClick={() => move(i, 1)}>
                    Down
                  </button>
                  <button type="button" className="link-button" aria-label={`Edit ${c.title}`} onClick={() => setPanel({ collection: c })}>
                    Edit
                  </button>
                  <button type="button" className="link-button" aria-label={`Delete ${c.title}`} onClick={() => setDeleting(c)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
