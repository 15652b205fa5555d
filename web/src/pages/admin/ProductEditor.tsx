import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/http";
import { productsApi, type ProductInput } from "../../api/products";
import { ErrorMessage, Loading } from "../../components/Status";

const blank: ProductInput = { sku: "", name: "", description: "", price: 0, currency: "GBP", category: "", brand: "", imageUrls: [] };

/** Create or edit a product, images as a list of URLs. Server validation errors appear beside their fields. */
export function ProductEditor({ id, onDone }: { id?: string; onDone: () => void }) {
  const client = useQueryClient();
  const existing = useQuery({ queryKey: ["products", "detail", id], queryFn: () => productsApi.get(id ?? ""), enabled: Boolean(id) });
  const [form, setForm] = useState<ProductInput>(blank);
  const [newImage, setNewImage] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const p = existing.data;
    if (p) {
      setForm({
        sku: p.sku,
        name: p.name,
        description: p.description,
        price: p.price,
        currency: p.currency,
        category: p.category ?? "",
        brand: p.brand ?? "",
        imageUrls: p.images.map((i) => i.url),
      });
    }
  }, [existing.data]);

  const save = useMutation({
    mutationFn: () => (id ? productsApi.update(id, form) : productsApi.create(form)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["products"] });
      onDone();
    },
  });
  const error = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (id && existing.isLoading) return <Loading />;
  if (existing.isError) return <ErrorMessage error={existing.error} />;

  const text = (name: "sku" | "name" | "category" | "brand" | "currency", label: string) => (
    <div className="field">
      <label htmlFor={`product-${name}`}>{label}</label>
      <input
        id={`product-${name}`}
        required={name !== "brand"}
        value={form[name]}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `product-${name}-error` : undefined}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
      {error(name) && <span id={`product-${name}-error`} className="field-error">{error(name)}</span>}
    </div>
  );

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="editor-heading">
      <h2 id="editor-heading" ref={heading} tabIndex={-1}>
        {id ? `Edit ${form.name || "product"}` : "New product"}
      </h2>
      <div className="form-grid">
        {text("sku", "SKU")}
        {text("name", "Name")}
        <div className="field">
          <label htmlFor="product-price">Price</label>
          <input
            id="product-price"
            type="number"
            min={0}
            step="0.01"
            required
            value={form.price}
            aria-invalid={error("price") ? true : undefined}
            aria-describedby={error("price") ? "product-price-error" : undefined}
            onChange={(e) => setForm({ ...form, price: Number(e.target.value) })}
          />
          {error("price") && <span id="product-price-error" className="field-error">{error("price")}</span>}
        </div>
        {text("currency", "Currency")}
        {text("category", "Category")}
        {text("brand", "Brand")}
      </div>
      <div className="field">
        <label htmlFor="product-description">Description</label>
        <textarea id="product-description" rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </div>
      <fieldset>
        <legend>Images</legend>
        <ul>
          {form.imageUrls.map((url) => (
            <li key={url}>
              {url}{" "}
              <button type="button" className="link-button" onClick={() => setForm({ ...form, imageUrls: form.imageUrls.filter((u) => u !== url) })}>
                Remove<span className="visually-hidden"> image {url}</span>
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="product-new-image">Image URL</label>
        <input id="product-new-image" type="url" value={newImage} onChange={(e) => setNewImage(e.target.value)} />
        <button
          type="button"
          className="button secondary"
          disabled={!newImage}
          onClick={() => {
            setForm({ ...form, imageUrls: [...form.imageUrls, newImage] });
            setNewImage("");
          }}
        >
          Add image
        </button>
      </fieldset>
      {save.isError && <ErrorMessage error={save.error} />}
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
