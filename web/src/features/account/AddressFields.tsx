import { useId, useMemo } from "react";
import type { PostalAddress } from "../../shared/api/address";
import type { AddressInput } from "./api";
import { countries } from "./countries";

type TextField = keyof PostalAddress | "label";

const fields: { name: TextField; label: string; required: boolean; autoComplete: string }[] = [
  { name: "recipient", label: "Full name", required: true, autoComplete: "name" },
  { name: "line1", label: "Address line 1", required: true, autoComplete: "address-line1" },
  { name: "line2", label: "Address line 2", required: false, autoComplete: "address-line2" },
  { name: "city", label: "Town or city", required: true, autoComplete: "address-level2" },
  { name: "postcode", label: "Postcode", required: true, autoComplete: "postal-code" },
  { name: "region", label: "County or region", required: false, autoComplete: "address-level1" },
  { name: "country", label: "Country", required: true, autoComplete: "country" },
  { name: "phone", label: "Phone", required: false, autoComplete: "tel" },
  { name: "label", label: "Label (e.g. Home)", required: true, autoComplete: "off" },
];

/** The address inputs, each labelled and tied to the server's error for its field; the country is a named list. */
export function AddressFields({ value, onChange, errorFor }: { value: AddressInput; onChange: (next: AddressInput) => void; errorFor?: (field: string) => string | undefined }) {
  const id = useId();
  const countryOptions = useMemo(() => countries(), []);
  return (
    <div className="form-grid">
      {fields.map((f) => {
        const error = errorFor?.(f.name) ?? errorFor?.(`shippingAddress.${f.name}`);
        return (
          <div key={f.name} className="field">
            <label htmlFor={`${id}-${f.name}`}>
              {f.label}
              {f.required ? "" : " (optional)"}
            </label>
            {f.name === "country" ? (
              <select
                id={`${id}-${f.name}`}
                name={f.name}
                required
                autoComplete={f.autoComplete}
                value={value.country ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${f.name}-error` : undefined}
                onChange={(e) => onChange({ ...value, country: e.target.value })}
              >
                {!value.country && <option value="">Choose a country</option>}
                {countryOptions.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-${f.name}`}
                name={f.name}
                required={f.required}
                autoComplete={f.autoComplete}
                value={value[f.name] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${f.name}-error` : undefined}
                onChange={(e) => onChange({ ...value, [f.name]: e.target.value })}
              />
            )}
            {error && (
              <span id={`${id}-${f.name}-error`} className="field-error">
                {error}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
