import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { familiesApi } from "./api/families";
import { productsApi, productKeys } from "../catalog";
import { AdminField, SaveError, fieldErrorOf } from "./AdminField";
import { valuesOf } from "./familyModel";

interface OptionRow {
  name: string;
  values: string;
}

const maxOptions = 3;

/**
 * A new family: its shared details and 1–3 options, each a name and its values in display order (typed "S, M, L").
 * Variants are added afterwards, from the combinations, in the family's own panel (`onCreated` opens it).
 */
export function FamilyCreator({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: productKeys.categories(), queryFn: productsApi.categories, staleTime: 300_000 });
  const [form, setForm] = useState({ name: "", description: "", category: "", brand: "" });
  const [options, setOptions] = useState<OptionRow[]>([{ name: "Colour", values: "" }]);
  const create = useMutation({
    mutationFn: () =>
      familiesApi.create({ ...form, description: form.description || null, options: options.map((o) => ({ name: o.name.trim(), values: valuesOf(o.values) })) }),
    onSuccess: async (family) => {
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onCreated(family.id);
    },
  });
  const errorOf = fieldErrorOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const setOption = (at: number, change: Partial<OptionRow>) => setOptions((all) => all.map((o, i) => (i === at ? { ...o, ...change } : o)));
  const text = (key: "name" | "brand", label: string) => (
    <AdminField id={`family-${key}`} label={label} error={errorOf(key)}>
      {(a) => <input id={`family-${key}`} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...a} />}
    </AdminField>
  );

  return (
    <form className="panel editor" onSubmit={submit} aria-label="New family">
      <h2>New family</h2>
      <div className="form-grid">
        {text("name", "Family name")}
        <AdminField id="family-category" label="Category" error={errorOf("category")}>
          {(a) => (
            <select id="family-category" required value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} {...a}>
              <option value="">Choose…</option>
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
      <AdminField id="family-description" label="Description" error={errorOf("description")}>
        {(a) => <textarea id="family-description" rows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} {...a} />}
      </AdminField>
      <fieldset>
        <legend>Options</legend>
        {errorOf("options") && <p className="field-error">{errorOf("options")}</p>}
        {options.map((option, i) => (
          <div className="form-grid" key={i}>
            <AdminField id={`family-option-${i}-name`} label={`Option ${i + 1} name`} error={errorOf(`options[${i}].name`)}>
              {(a) => <input id={`family-option-${i}-name`} required value={option.name} onChange={(e) => setOption(i, { name: e.target.value })} {...a} />}
            </AdminField>
            <AdminField id={`family-option-${i}-values`} label={`Option ${i + 1} values`} error={errorOf(`options[${i}].values`)} hint="In display order, separated by commas.">
              {(a) => <input id={`family-option-${i}-values`} required value={option.values} onChange={(e) => setOption(i, { values: e.target.value })} {...a} />}
            </AdminField>
            {options.length > 1 && (
              <button type="button" className="link-button" onClick={() => setOptions((all) => all.filter((_, j) => j !== i))}>
                Remove option {i + 1}
              </button>
            )}
          </div>
        ))}
        {options.length < maxOptions && (
          <button type="button" className="button secondary" onClick={() => setOptions((all) => [...all, { name: all.length === 1 ? "Size" : "", values: "" }])}>
            Add an option
          </button>
        )}
      </fieldset>
      <SaveError error={create.error} what="family" />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create family"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
