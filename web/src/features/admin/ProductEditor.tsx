import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { productsApi, type ProductDetail, productKeys } from "../catalog";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { ImageAltTexts } from "./ImageAltTexts";

interface Form {
  sku: string;
  name: string;
  description: string;
  price: string;
  currency: string;
  category: string;
  brand: string;
  initialStock: string;
  active: boolean;
}

const blank: Form = { sku: "", name: "", description: "", price: "", currency: "GBP", category: "", brand: "", initialStock: "0", active: true };

function toForm(p: ProductDetail): Form {
  return { sku: p.sku, name: p.name, description: p.description, price: String(p.price), currency: p.currency, category: p.category.slug, brand: p.brand.name, initialStock: "0", active: p.active };
}

/** Create or edit a product; images are uploaded to an existing product. Server validation errors appear beside their fields. */
export function ProductEditor({ id, onDone }: { id?: string; onDone: () => void }) {
  const client = useQueryClient();
  const existing = useQuery({ queryKey: productKeys.detail(id), queryFn: () => productsApi.get(id ?? ""), enabled: Boolean(id) });
  const categories = useQuery({ queryKey: productKeys.categories(), queryFn: productsApi.categories, staleTime: 300_000 });
  const [form, setForm] = useState<Form>(blank);
  const [uploadAlt, setUploadAlt] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (existing.data) setForm(toForm(existing.data));
  }, [existing.data]);

  const save = useMutation({
    mutationFn: () => {
      const common = { name: form.name, description: form.description, price: Number(form.price), category: form.category, brand: form.brand };
      return existing.data
        ? productsApi.update(existing.data.id, { ...common, active: form.active, version: existing.data.version })
        : productsApi.create({ ...common, sku: form.sku, currency: form.currency, initialStock: Number(form.initialStock) || 0 });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: productKeys.all });
      onDone();
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => productsApi.uploadImage(id ?? "", file, uploadAlt),
    onSuccess: () => {
      setUploadAlt("");
      return client.invalidateQueries({ queryKey: productKeys.detail(id) });
    },
  });
  const error = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (id && existing.isLoading) return <Loading />;
  if (existing.isError) return <ErrorMessage error={existing.error} />;

  const field = (name: keyof Omit<Form, "active">, label: string, props: { type?: string; step?: string; required?: boolean; disabled?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`product-${name}`}>{label}</label>
      <input
        id={`product-${name}`}
        required={props.required ?? true}
        type={props.type ?? "text"}
        step={props.step}
        disabled={props.disabled}
        value={form[name]}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `product-${name}-error` : undefined}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
      {error(name) && (
        <span id={`product-${name}-error`} className="field-error">
          {error(name)}
        </span>
      )}
    </div>
  );

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="editor-heading">
      <h2 id="editor-heading" ref={heading} tabIndex={-1}>
        {id ? `Edit ${existing.data?.name ?? "product"}` : "New product"}
      </h2>
      <div className="form-grid">
        {field("sku", "SKU", { disabled: Boolean(id) })}
        {field("name", "Name")}
        {field("price", "Price", { type: "number", step: "0.01" })}
        {field("currency", "Currency", { disabled: Boolean(id) })}
        <div className="field">
          <label htmlFor="product-category">Category</label>
          <select id="product-category" required value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} aria-invalid={error("category") ? true : undefined}>
            <option value="">Choose…</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
          {error("category") && <span className="field-error">{error("category")}</span>}
        </div>
        {field("brand", "Brand")}
        {!id && field("initialStock", "Initial stock", { type: "number", required: false })}
      </div>
      <div className="field">
        <label htmlFor="product-description">Description</label>
        <textarea id="product-description" rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </div>
      {id && (
        <label className="check">
          <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
          Active (shown in the catalog)
        </label>
      )}
      {existing.data && (
        <fieldset>
          <legend>Images</legend>
          <ImageAltTexts key={existing.data.gallery.length} productId={existing.data.id} gallery={existing.data.gallery} />
          <div className="field">
            <label htmlFor="product-image-alt">Alt text of the next upload (optional)</label>
            <input id="product-image-alt" maxLength={250} value={uploadAlt} onChange={(e) => setUploadAlt(e.target.value)} />
          </div>
          <label htmlFor="product-image">Upload an image (PNG, JPEG, GIF or WebP)</label>
          <input id="product-image" type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => e.target.files?.[0] && upload.mutate(e.target.files[0])} />
          {upload.isPending && <p role="status">Uploading…</p>}
          {upload.isError && <ErrorMessage error={upload.error} />}
        </fieldset>
      )}
      {stale ? (
        <div className="error" role="alert">
          <p>Someone else changed this product meanwhile. Close and open it again to see their changes.</p>
        </div>
      ) : (
        save.isError && <ErrorMessage error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save product"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
