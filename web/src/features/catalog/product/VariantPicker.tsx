import type { KeyboardEvent } from "react";
import type { ProductDetail } from "../api/products";

type Family = NonNullable<ProductDetail["family"]>;
type Variant = Family["variants"][number];

/**
 * The family's options as radio groups (colour as swatches, the others as buttons). Arrow keys move within a group,
 * as radio groups do. A value no variant has with the other choices, or whose variant is sold out, is marked
 * unavailable; choosing it picks the nearest variant that has it.
 */
export function VariantPicker({ family, selected, onSelect }: { family: Family; selected: Variant; onSelect: (v: Variant) => void }) {
  const pick = (option: string, value: string) => {
    const wanted = { ...selected.options, [option]: value };
    const exact = family.variants.find((v) => family.options.every((o) => v.options[o.name] === wanted[o.name]));
    const near = family.variants.find((v) => v.options[option] === value);
    if (exact ?? near) onSelect((exact ?? near)!);
  };
  return (
    <>
      {family.options.map((option) => {
        const colour = /^colou?r$/i.test(option.name);
        const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
          const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          const next = (index + step + option.values.length) % option.values.length;
          const value = option.values[next];
          if (value !== undefined) pick(option.name, value);
          // The group's radios only: its first child is the "Size: M" line, so children[next] would be one short.
          e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
        };
        return (
          <div key={option.name} className="option-picker" role="radiogroup" aria-label={option.name}>
            <p>
              {option.name}: <strong>{selected.options[option.name]}</strong>
            </p>
            {option.values.map((value, index) => {
              const variant = family.variants.find((v) =>
                family.options.every((o) => (o.name === option.name ? v.options[o.name] === value : v.options[o.name] === selected.options[o.name])));
              const unavailable = !variant || variant.available <= 0;
              const checked = selected.options[option.name] === value;
              return (
                <button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={checked}
                  tabIndex={checked ? 0 : -1}
                  aria-label={`${value}${unavailable ? " (unavailable)" : ""}`}
                  className={unavailable ? "unavailable" : undefined}
                  onClick={() => pick(option.name, value)}
                  onKeyDown={(e) => move(e, index)}
                >
                  {colour && <span className="swatch" style={{ background: value.toLowerCase(), display: "inline-block" }} aria-hidden="true" />} {value}
                </button>
              );
            })}
          </div>
        );
      })}
    </>
  );
}
