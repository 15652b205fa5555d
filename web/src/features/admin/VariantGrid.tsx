import { useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { familiesApi, type FamilyDetail } from "./api/families";
import { AdminField, fieldErrorOf, numberOrNull } from "./AdminField";
import { combinationCount, familyKey, labelOf, missingCombinations } from "./familyModel";
import { productKeys } from "../catalog";

interface Row {
  sku: string;
  price: string;
  stock: string;
}

const blank: Row = { sku: "", price: "", stock: "0" };

const rowFields = ["sku", "price", "initialStock", "optionValues"];

/** A refusal that names none of the row's fields (a currency, a lost connection): its message, shown on the row. */
const generalError = (error: unknown): string | undefined =>
  error instanceof Error && !rowFields.some((f) => fieldErrorOf(error)(f)) ? error.message : undefined;

/**
 * The combinations of the family's values that no variant has yet, one row each: a row with a SKU becomes a variant
 * with its price and initial stock. Rows are sent one by one, so one refused row (its errors beside its fields) leaves
 * the others made.
 */
export function VariantGrid({ family }: { family: FamilyDetail }) {
  const queryClient = useQueryClient();
  const combinations = missingCombinations(family.options, family.variants);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState(0);
  const total = combinationCount(family.options) - family.variants.length;
  if (combinations.length === 0) return <p>Every combination of the options has a variant. Add a value to an option to make more.</p>;

  const rowOf = (key: string) => rows[key] ?? blank;
  const set = (key: string, change: Partial<Row>) => setRows((all) => ({ ...all, [key]: { ...rowOf(key), ...change } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed: Record<string, unknown> = {};
    let count = 0;
    for (const values of combinations) {
      const key = labelOf(family.options, values);
      const row = rowOf(key);
      if (!row.sku.trim()) continue;
      try {
        await familiesApi.addVariant(family.id, { sku: row.sku.trim(), price: numberOrNull(row.price), optionValues: values, initialStock: numberOrNull(row.stock) ?? 0 });
        count++;
        setRows((all) => ({ ...all, [key]: blank }));
      } catch (error) {
        failed[key] = error;
      }
    }
    setErrors(failed);
    setMade(count);
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: familyKey(family.id) });
    await queryClient.invalidateQueries({ queryKey: productKeys.all });
  };

  return (
    <form onSubmit={submit} aria-label={`New variants of ${family.name}`}>
      <h3>New variants</h3>
      <p className="hint">
        Give a SKU to each combination to make; rows without one are left for later.
        {total > combinations.length && ` Showing the first ${combinations.length} of ${total}.`}
      </p>
      <table className="admin-table stack">
        <caption className="visually-hidden">Combinations without a variant</caption>
        <thead>
          <tr>
            <th scope="col">Combination</th>
            <th scope="col">SKU</th>
            <th scope="col">Price</th>
            <th scope="col">Initial stock</th>
          </tr>
        </thead>
        <tbody>
          {combinations.map((values) => {
            const key = labelOf(family.options, values);
            const id = `new-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
            const errorOf = fieldErrorOf(errors[key]);
            const cell = (field: keyof Row, label: string, apiField: string, type = "text") => (
              <AdminField id={`${id}-${field}`} label={`${label} for ${key}`} error={errorOf(apiField)}>
                {(a) => (
                  <input id={`${id}-${field}`} type={type} step={type === "number" ? "any" : undefined} value={rowOf(key)[field]} onChange={(e) => set(key, { [field]: e.target.value })} {...a} />
                )}
              </AdminField>
            );
            return (
              <tr key={key} data-testid={`combination-${key}`}>
                <th scope="row">{key}</th>
                <td>{cell("sku", "SKU", "sku")}</td>
                <td>{cell("price", "Price", "price", "number")}</td>
                <td>
                  {cell("stock", "Initial stock", "initialStock", "number")}
                  {errorOf("optionValues") && <span className="field-error">{errorOf("optionValues")}</span>}
                  {generalError(errors[key]) && <span className="field-error">{generalError(errors[key])}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {made > 0 && <p role="status">{made === 1 ? "1 variant added." : `${made} variants added.`}</p>}
      {Object.keys(errors).length > 0 && <p role="alert">{Object.keys(errors).length} row(s) were not added; each reason is shown beside its field.</p>}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Adding…" : "Add variants"}
      </button>
    </form>
  );
}
