import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { familiesApi, type FamilyDetail, type FamilyVariant } from "./api/families";
import { Money } from "../../shared/ui/Money";
import { AdminField, SaveError, fieldErrorOf } from "./AdminField";
import { familyKey } from "./familyModel";
import { productKeys } from "../catalog";

/** The family's variants, hidden ones included: change a variant's option values, hide it from shoppers or show it again. */
export function FamilyVariants({ family }: { family: FamilyDetail }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (v: FamilyVariant) => familiesApi.setVariantActive(v.id, !v.active),
    onSuccess: async (detail) => {
      queryClient.setQueryData(familyKey(family.id), detail);
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
  if (family.variants.length === 0) return <p>No variants yet: add them from the combinations below.</p>;

  return (
    <>
      <h3>Variants</h3>
      <SaveError error={toggle.error} what="variant" />
      <table className="admin-table stack">
        <caption className="visually-hidden">Variants of {family.name}</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">SKU</th>
            <th scope="col">Price</th>
            <th scope="col">Stock</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {family.variants.map((v) => (
            <tr key={v.id} data-testid={`variant-${v.sku}`}>
              <th scope="row">{v.label}</th>
              <td data-label="SKU">{v.sku}</td>
              <td data-label="Price">
                <Money amount={v.price} currency={v.currency} />
              </td>
              <td data-label="Stock">{v.available}</td>
              <td data-label="Status">{v.active ? "On sale" : "Hidden"}</td>
              <td className="actions">
                {editing === v.id ? (
                  <VariantOptionsForm family={family} variant={v} onDone={() => setEditing(null)} />
                ) : (
                  <button type="button" className="link-button" aria-label={`Change options of ${v.label}`} onClick={() => setEditing(v.id)}>
                    Change options
                  </button>
                )}{" "}
                <button type="button" className="link-button" aria-label={`${v.active ? "Hide" : "Show"} ${v.label}`} disabled={toggle.isPending} onClick={() => toggle.mutate(v)}>
                  {v.active ? "Hide" : "Show"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** One select per option; the server checks the combination against the siblings and names the field it refuses. */
function VariantOptionsForm({ family, variant, onDone }: { family: FamilyDetail; variant: FamilyVariant; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({ ...variant.options });
  const save = useMutation({
    mutationFn: () => familiesApi.setVariantOptions(variant.id, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onDone();
    },
  });
  const errorOf = fieldErrorOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} aria-label={`Options of ${variant.sku}`}>
      {family.options.map((o) => (
        <AdminField key={o.name} id={`variant-${variant.id}-${o.name}`} label={o.name} error={errorOf(`optionValues.${o.name}`)}>
          {(a) => (
            <select id={`variant-${variant.id}-${o.name}`} value={values[o.name] ?? ""} onChange={(e) => setValues({ ...values, [o.name]: e.target.value })} {...a}>
              {o.values.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          )}
        </AdminField>
      ))}
      {errorOf("optionValues") && <p className="field-error">{errorOf("optionValues")}</p>}
      <SaveError error={save.error} what="variant" />
      <button type="submit" className="button" disabled={save.isPending}>
        Save variant
      </button>{" "}
      <button type="button" className="button secondary" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
