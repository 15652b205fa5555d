import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { familiesApi, type FamilyDetail, type ProductOption } from "./api/families";
import { SaveError, fieldErrorOf } from "./AdminField";
import { familyKey, moved } from "./familyModel";
import { productKeys } from "../catalog";

/**
 * The options' values in display order: add a value (a new colour), move one up or down, remove one no variant uses.
 * The option names stay (every variant has a value of each); the server refuses dropping a value in use, beside it.
 */
export function FamilyOptionsEditor({ family }: { family: FamilyDetail }) {
  const queryClient = useQueryClient();
  const [options, setOptions] = useState<ProductOption[]>(family.options);
  const [adding, setAdding] = useState<string[]>(family.options.map(() => ""));
  const save = useMutation({
    mutationFn: () => familiesApi.updateOptions(family.id, options),
    onSuccess: async (detail) => {
      queryClient.setQueryData(familyKey(family.id), detail);
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
  const errorOf = fieldErrorOf(save.error);
  const setValues = (at: number, values: string[]) => setOptions((all) => all.map((o, i) => (i === at ? { ...o, values } : o)));
  const add = (at: number) => {
    const value = adding[at]!.trim();
    if (!value) return;
    setValues(at, [...options[at]!.values, value]);
    setAdding((all) => all.map((a, i) => (i === at ? "" : a)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const changed = JSON.stringify(options) !== JSON.stringify(family.options);

  return (
    <form onSubmit={submit} aria-label={`Options of ${family.name}`}>
      <h3>Options</h3>
      {errorOf("options") && <p className="field-error">{errorOf("options")}</p>}
      {options.map((option, i) => (
        <fieldset key={option.name} aria-describedby={errorOf(`options[${i}].values`) ? `family-option-${i}-error` : undefined}>
          <legend>{option.name}</legend>
          <ol className="option-values">
            {option.values.map((value, j) => (
              <li key={value}>
                {value}{" "}
                <button type="button" className="link-button" aria-label={`Move ${value} up`} disabled={j === 0} onClick={() => setValues(i, moved(option.values, j, -1))}>
                  Up
                </button>{" "}
                <button type="button" className="link-button" aria-label={`Move ${value} down`} disabled={j === option.values.length - 1} onClick={() => setValues(i, moved(option.values, j, 1))}>
                  Down
                </button>{" "}
                <button type="button" className="link-button" aria-label={`Remove ${value}`} disabled={option.values.length === 1} onClick={() => setValues(i, option.values.filter((_, k) => k !== j))}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          {errorOf(`options[${i}].values`) && (
            <p id={`family-option-${i}-error`} className="field-error">
              {errorOf(`options[${i}].values`)}
            </p>
          )}
          <label htmlFor={`family-option-${i}-new`}>New value for {option.name}</label>{" "}
          <input
            id={`family-option-${i}-new`}
            value={adding[i]}
            onChange={(e) => setAdding((all) => all.map((a, k) => (k === i ? e.target.value : a)))}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add(i);
              }
            }}
          />{" "}
          <button type="button" className="button secondary" onClick={() => add(i)}>
            Add to {option.name}
          </button>
        </fieldset>
      ))}
      <SaveError error={save.error} what="family" />
      <button type="submit" className="button" disabled={!changed || save.isPending}>
        {save.isPending ? "Saving…" : "Save options"}
      </button>
    </form>
  );
}
