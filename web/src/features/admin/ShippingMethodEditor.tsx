import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ordersApi, type SaveShippingMethod, type ShippingMethod, type ShippingRateKind } from "../orders";
import { AdminField, SaveError, fieldErrorOf, numberOrNull, textOf } from "./AdminField";
import { adminOrderKeys } from "./queryKeys";

interface Form {
  code: string;
  name: string;
  zone: string;
  countries: string;
  rateKind: ShippingRateKind;
  flatFee: string;
  bands: string;
  freeOver: string;
  minDays: string;
  maxDays: string;
  sortOrder: string;
  active: boolean;
}

const blank: Form = {
  code: "", name: "", zone: "", countries: "", rateKind: "Flat", flatFee: "", bands: "", freeOver: "", minDays: "", maxDays: "", sortOrder: "", active: true,
};

const rateKinds: { value: ShippingRateKind; label: string }[] = [
  { value: "Flat", label: "Flat fee" },
  { value: "PriceBand", label: "Bands by goods value" },
  { value: "WeightBand", label: "Bands by weight (grams)" },
];

const toForm = (m: ShippingMethod): Form => ({
  code: m.code, name: m.name, zone: m.zone, countries: m.countries.join(", "), rateKind: m.rateKind, flatFee: textOf(m.flatFee),
  bands: m.bands.map((b) => `${b.upTo}: ${b.fee}`).join("\n"), freeOver: textOf(m.freeOver), minDays: textOf(m.minDays), maxDays: textOf(m.maxDays),
  sortOrder: textOf(m.sortOrder), active: m.active,
});

/** "50: 4.95" per line → bands; a line that does not read as two numbers is sent as such, for the server to name. */
export function parseBands(text: string): { upTo: number; fee: number }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [upTo = "", fee = ""] = line.split(/[:,]/);
      return { upTo: Number(upTo.trim()) || 0, fee: numberOrNull(fee) ?? -1 };
    });
}

export function toRequest(form: Form, version: number | undefined): SaveShippingMethod {
  const banded = form.rateKind !== "Flat";
  return {
    name: form.name,
    zone: form.zone,
    countries: form.countries.split(/[\s,]+/).filter(Boolean).map((c) => (c === "*" ? c : c.toUpperCase())),
    rateKind: form.rateKind,
    flatFee: banded ? null : numberOrNull(form.flatFee),
    bands: banded ? parseBands(form.bands) : [],
    freeOver: numberOrNull(form.freeOver),
    minDays: numberOrNull(form.minDays),
    maxDays: numberOrNull(form.maxDays),
    sortOrder: numberOrNull(form.sortOrder),
    active: form.active,
    version: version ?? null,
  };
}

/** Create a shipping method, or edit one at the version listed; the server's field errors appear beside their fields. */
export function ShippingMethodEditor({ method, onDone }: { method?: ShippingMethod; onDone: () => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(method ? toForm(method) : blank);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const save = useMutation({
    mutationFn: () => ordersApi.saveShippingMethod(form.code.trim(), toRequest(form, method?.version)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminOrderKeys.shippingMethods() });
      onDone();
    },
  });
  const error = fieldErrorOf(save.error);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (name: keyof Omit<Form, "active" | "rateKind">, label: string, props: { type?: string; step?: string; hint?: string; disabled?: boolean } = {}) => (
    <AdminField id={`shipping-${name}`} label={label} error={error(name)} hint={props.hint}>
      {(a11y) => (
        <input id={`shipping-${name}`} type={props.type ?? "text"} step={props.step} disabled={props.disabled} value={form[name]}
          onChange={(e) => set({ [name]: e.target.value })} {...a11y} />
      )}
    </AdminField>
  );

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="shipping-editor-heading" noValidate>
      <h2 id="shipping-editor-heading" ref={heading} tabIndex={-1}>
        {method ? `Edit ${method.name}` : "New shipping method"}
      </h2>
      <div className="form-grid">
        {text("code", "Code", { disabled: Boolean(method), hint: "Lowercase letters, digits and dashes, e.g. uk-express." })}
        {text("name", "Name")}
        {text("zone", "Zone")}
        {text("countries", "Countries", { hint: "ISO codes separated by commas (GB, IE), or * for the rest of the world." })}
        <AdminField id="shipping-rateKind" label="Rate" error={error("rateKind")}>
          {(a11y) => (
            <select id="shipping-rateKind" value={form.rateKind} onChange={(e) => set({ rateKind: e.target.value as ShippingRateKind })} {...a11y}>
              {rateKinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        {form.rateKind === "Flat" && text("flatFee", "Flat fee", { type: "number", step: "0.01" })}
        {text("freeOver", "Free from goods value", { type: "number", step: "0.01", hint: "Leave empty if never free." })}
        {text("minDays", "Delivery days, earliest", { type: "number" })}
        {text("maxDays", "Delivery days, latest", { type: "number" })}
        {text("sortOrder", "Sort order", { type: "number" })}
      </div>
      {form.rateKind !== "Flat" && (
        <AdminField id="shipping-bands" label="Bands" error={error("bands")}
          hint={`One band per line: "up to: fee", e.g. "${form.rateKind === "WeightBand" ? "2000: 4.95" : "50: 4.95"}".`}>
          {(a11y) => <textarea id="shipping-bands" rows={4} value={form.bands} onChange={(e) => set({ bands: e.target.value })} {...a11y} />}
        </AdminField>
      )}
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
        Active (offered at checkout)
      </label>
      <SaveError error={save.error} what="shipping method" />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save shipping method"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
