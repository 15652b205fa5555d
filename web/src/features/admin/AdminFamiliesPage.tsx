import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { familiesApi, type FamilySummary } from "./api/families";
import { ErrorMessage } from "../../shared/ui/Status";
import { EmptyState, ListSkeleton } from "../../shared/ui/ListStates";
import { Pager } from "../../shared/ui/Pager";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { useDebounced } from "../../shared/hooks/useDebounced";
import { FamilyCreator } from "./FamilyCreator";
import { FamilyManager } from "./FamilyManager";
import { adminProductKeys } from "./queryKeys";

type Panel = { kind: "new" } | { kind: "manage"; id: string } | null;

/** "Colour: Blue, Red · Size: S, M" */
export const describeOptions = (f: Pick<FamilySummary, "options">): string => f.options.map((o) => `${o.name}: ${o.values.join(", ")}`).join(" · ");

/** Configurable products: families with options (colour, size…) whose variants are sold one SKU each. */
export default function AdminFamiliesPage() {
  usePageTitle("Families · Admin");
  const [q, setQ] = useState("");
  const term = useDebounced(q.trim(), 250);
  const [panel, setPanel] = useState<Panel>(null);
  const list = useInfiniteQuery({
    queryKey: adminProductKeys.families(term),
    queryFn: ({ pageParam }) => familiesApi.list(term, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items);

  return (
    <section>
      <h1>Families and variants</h1>
      <div className="toolbar">
        <label>
          Find a family <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => setPanel({ kind: "new" })}>
          New family
        </button>
      </div>
      {panel?.kind === "new" && <FamilyCreator onCreated={(id) => setPanel({ kind: "manage", id })} onCancel={() => setPanel(null)} />}
      {panel?.kind === "manage" && <FamilyManager key={panel.id} id={panel.id} onDone={() => setPanel(null)} />}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !items ? (
        <ListSkeleton rows={6} />
      ) : items.length === 0 ? (
        <EmptyState>No families match. Clear the search, or make one with New family.</EmptyState>
      ) : (
        <>
          <table className="admin-table stack">
            <caption className="visually-hidden">Families, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Family</th>
                <th scope="col">Category</th>
                <th scope="col">Brand</th>
                <th scope="col">Options</th>
                <th scope="col">Variants</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id} data-testid={`family-${f.slug}`}>
                  <th scope="row">{f.name}</th>
                  <td data-label="Category">{f.category}</td>
                  <td data-label="Brand">{f.brand}</td>
                  <td data-label="Options">{describeOptions(f)}</td>
                  <td data-label="Variants">
                    {f.activeVariantCount} of {f.variantCount} on sale
                  </td>
                  <td className="actions">
                    <button type="button" className="link-button" aria-label={`Manage ${f.name}`} onClick={() => setPanel({ kind: "manage", id: f.id })}>
                      Manage
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager hasNext={list.hasNextPage} loading={list.isFetchingNextPage} onNext={() => void list.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
