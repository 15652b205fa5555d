import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ordersApi, type Promotion, type PromotionKind, type SavePromotion } from "../orders";
import { productsApi, productKeys } from "../catalog";
import { AdminField, SaveError, fieldErrorOf, numberOrNull, textOf } from "./AdminField";
import { adminOrderKeys } from "./queryKeys";

interface Form {
  code: string;
  description: string;
  kind: PromotionKind;
  value: string;
  minimumSpend: string;
  categorySlugs: string[];
  productIds: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  automatic: boolean;
  active: boolean;
}

const blank: Form = {
  code: "", description: "", kind: "Percentage", value: "", minimumSpend: "", categorySlugs: [], productIds: "", startsAt: "", endsAt: "",
  usageLimit: "", perCustomerLimit: "", automatic: false, active: true,
};

export const promotionKinds: { value: PromotionKind; label: string }[] = [
  { value: "Percentage", label: "Percentage off" },
  { value: "FixedAmount", label: "Fixed amount off" },
  { value: "FreeShipping", label: "Free shipping" },
];

/** An instant as a datetime-local input shows it (the admin's local time), and back. */
const toLocalInput = (iso: string | null): string => {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (text: string): string | null => (text ? new Date(text).toISOString() : null);

const toForm = (p: Promotion): Form => ({
  code: p.code, description: p.description, kind: p.kind, value: textOf(p.value), minimumSpend: textOf(p.minimumSpend), categorySlugs: [...p.categorySlugs],
  productIds: p.productIds.join("\n"), startsAt: toLocalInput(p.startsAt), endsAt: toLocalInput(p.endsAt), usageLimit: textOf(p.usageLimit),
  perCustomerLimit: textOf(p.perCustomerLimit), automatic: p.automatic, active: p.active,
});

export function toRequest(form: Form, version: number | undefined): SavePromotion {
  return {
    description: form.description,
    automatic: form.automatic,
    kind: form.kind,
    value: form.kind === "FreeShipping" ? null : numberOrNull(form.value),
    minimumSpend: numberOrNull(form.minimumSpend),
    productIds: form.productIds.split(/[\s,]+/).filter(Boolean),
    categorySlugs: form.categorySlugs,
    startsAt: fromLocalInput(form.startsAt),
    endsAt: fromLocalInput(form.endsAt),
    usageLimit: numberOrNull(form.usageLimit),
    perCustomerLimit: numberOrNull(form.perCustomerLimit),
    active: form.active,
    version: version ?? null,
  };
}

/** Create a discount code or automatic promotion, or edit one at the version listed; field errors appear beside their fields. */
export function PromotionEditor({ promotion, onDone }: { promotion?: Promotion; onDone: () => void }) {
  const client = useQueryClient();
  const categories = useQuery({ queryKey: productKeys.categories(), queryFn: productsApi.categories, staleTime: 300_000 });
  const [form, setForm] = useState<Form>(promotion ? toForm(promotion) : blank);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const save = useMutation({
    mutationFn: () => ordersApi.savePromotion(form.code.trim(), toRequest(form, promotion?.version)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminOrderKeys.promotions() });
      onDone();
    },
  });
  const error = fieldErrorOf(save.error);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const toggleCategory = (slug: string, on: boolean) =>
    set({ categorySlugs: on ? [...form.categorySlugs, slug] : form.categorySlugs.filter((s) => s !== slug) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  type TextField = "code" | "description" | "value" | "minimumSpend" | "startsAt" | "endsAt" | "usageLimit" | "perCustomerLimit";
  const text = (name: TextField, label: string, props: { type?: string; step?: string; hint?: string; disabled?: boolean } = {}) => (
    <AdminField id={`promotion-${name}`} label={label} error={error(name)} hint={props.hint}>
      {(a11y) => (
        <input id={`promotion-${name}`} type={props.type ?? "text"} step={props.step} disabled={props.disabled} value={form[name]}
          onChange={(e) => set({ [name]: e.target.value })} {...a11y} />
      )}
    </AdminField>
  );

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="promotion-editor-heading" noValidate>
      <h2 id="promotion-editor-heading" ref={heading} tabIndex={-1}>
        {promotion ? `Edit ${promotion.code}` : "New promotion"}
      </h2>
      <div className="form-grid">
        {text("code", "Code", { disabled: Boolean(promotion), hint: "Letters, digits and dashes; shoppers type it in any case." })}
        {text("description", "Description", { hint: "Shown to the shopper beside the discount." })}
        <AdminField id="promotion-kind" label="Type" error={error("kind")}>
          {(a11y) => (
            <select id="promotion-kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as PromotionKind })} {...a11y}>
              {promotionKinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        {form.kind !== "FreeShipping" &&
          text("value", form.kind === "Percentage" ? "Percent off" : "Amount off", { type: "number", step: form.kind === "Percentage" ? "1" : "0.01" })}
        {text("minimumSpend", "Minimum spend", { type: "number", step: "0.01", hint: "Leave empty for none." })}
        {text("startsAt", "Starts", { type: "datetime-local" })}
        {text("endsAt", "Ends", { type: "datetime-local" })}
        {text("usageLimit", "Uses in all", { type: "number", hint: "Leave empty for no limit." })}
        {text("perCustomerLimit", "Uses per customer", { type: "number", hint: "Leave empty for no limit." })}
      </div>
      <fieldset aria-describedby={error("categorySlugs") ? "promotion-categorySlugs-error" : undefined}>
        <legend>Categories (sub-categories included; none and no products: every product)</legend>
        {(categories.data ?? []).map((c) => (
          <label key={c.slug} className="check">
            <input type="checkbox" checked={form.categorySlugs.includes(c.slug)} onChange={(e) => toggleCategory(c.slug, e.target.checked)} />
            {c.name}
          </label>
        ))}
        {error("categorySlugs") && (
          <span id="promotion-categorySlugs-error" className="field-error">
            {error("categorySlugs")}
          </span>
        )}
      </fieldset>
      <AdminField id="promotion-productIds" label="Product ids" error={error("productIds")} hint="Also applies to these products; one id per line.">
        {(a11y) => <textarea id="promotion-productIds" rows={2} value={form.productIds} onChange={(e) => set({ productIds: e.target.value })} {...a11y} />}
      </AdminField>
      <label className="check">
        <input type="checkbox" checked={form.automatic} onChange={(e) => set({ automatic: e.target.checked })} />
        Automatic (applies without a code)
      </label>
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
        Active
      </label>
      <SaveError error={save.error} what="promotion" />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save promotion"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
