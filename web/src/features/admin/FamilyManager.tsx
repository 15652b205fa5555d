import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { familiesApi, type FamilyDetail } from "./api/families";
import { productsApi, productKeys } from "../catalog";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { AdminField, SaveError, fieldErrorOf } from "./AdminField";
import { FamilyOptionsEditor } from "./FamilyOptionsEditor";
import { FamilyVariants } from "./FamilyVariants";
import { VariantGrid } from "./VariantGrid";
import { familyKey } from "./familyModel";

/** One family in the back office: its shared details, its options' values, its variants and the combinations not made yet. */
export function FamilyManager({ id, onDone }: { id: string; onDone: () => void }) {
  const family = useQuery({ queryKey: familyKey(id), queryFn: () => familiesApi.get(id), refetchOnMount: "always" });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (family.isError) return <ErrorMessage error={family.error} onRetry={() => void family.refetch()} />;
  if (!family.data) return <Loading />;
  const f = family.data;

  return (
    <section className="panel" aria-labelledby="family-heading">
      <h2 id="family-heading" ref={heading} tabIndex={-1}>
        {f.name}
      </h2>
      <p className="hint">
        {f.variants.length} variant{f.variants.length === 1 ? "" : "s"}, {f.variants.filter((v) => v.active).length} on sale · address {f.slug}
      </p>
      <FamilyDetailsForm family={f} />
      <FamilyOptionsEditor key={JSON.stringify(f.options)} family={f} />
      <FamilyVariants family={f} />
      <VariantGrid family={f} />
      <div className="actions">
        <button type="button" className="button secondary" onClick={onDone}>
          Close {f.name}
        </button>
      </div>
    </section>
  );
}

/** Name, description, category and brand: the server moves every variant with a new category or brand. */
function FamilyDetailsForm({ family }: { family: FamilyDetail }) {
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: productKeys.categories(), queryFn: productsApi.categories, staleTime: 300_000 });
  const [form, setForm] = useState({ name: family.name, description: family.description, category: family.category.slug, brand: family.brand.name });
  const save = useMutation({
    mutationFn: () => familiesApi.update(family.id, form),
    onSuccess: async (detail) => {
      queryClient.setQueryData(familyKey(family.id), detail);
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
  const errorOf = fieldErrorOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (key: "name" | "brand", label: string) => (
    <AdminField id={`family-edit-${key}`} label={label} error={errorOf(key)}>
      {(a) => <input id={`family-edit-${key}`} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...a} />}
    </AdminField>
  );

  return (
    <form onSubmit={submit} aria-label={`Details of ${family.name}`}>
      <h3>Details</h3>
      <div className="form-grid">
        {text("name", "Family name")}
        <AdminField id="family-edit-category" label="Category" error={errorOf("category")}>
          {(a) => (
            <select id="family-edit-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} {...a}>
              {!categories.data && <option value={family.category.slug}>{family.category.name}</option>}
              {(categories.data ?? []).map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        {text("brand", "Brand")}
      </div>
      <AdminField id="family-edit-description" label="Description" error={errorOf("description")}>
        {(a) => <textarea id="family-edit-description" rows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} {...a} />}
      </AdminField>
      <SaveError error={save.error} what="family" />
      {save.isSuccess && <p role="status">Details saved.</p>}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save details"}
      </button>
    </form>
  );
}
