import { useRef, type KeyboardEvent } from "react";
import type { FacetCount } from "../api/products";

const steps: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * One multi-select facet: a fieldset of checkboxes with counts and a "Clear". The options are in a fixed order (by
 * name, or as the service gave them when `ordered`: sizes come S, M, L rather than L, M, S) and keyed by slug, so when the results re-render after a toggle the checkbox just pressed is the same element in the
 * same place and keeps the keyboard focus. Arrow keys, Home and End only move focus between the boxes; Space toggles.
 * A chosen value the counts no longer list (nothing matches it now) stays on show with a count of 0, so it can be
 * unticked.
 */
export function FacetGroup({ legend, name, options, selected, onToggle, onClear, ordered = false }: {
  legend: string;
  name: string;
  options: FacetCount[];
  /** Keep the service's order (sizes) instead of sorting by name. */
  ordered?: boolean;
  selected: string[];
  onToggle: (slug: string, on: boolean) => void;
  onClear: () => void;
}) {
  const group = useRef<HTMLFieldSetElement>(null);
  const shown = [...options, ...selected.filter((s) => !options.some((o) => o.slug === s)).map((slug) => ({ slug, name: slug, count: 0 }))]
    .sort((a, b) => (ordered ? 0 : a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug)));
  if (shown.length === 0) return null;

  const boxes = () => [...(group.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const all = boxes();
    const at = all.indexOf(event.target as HTMLInputElement);
    if (at < 0) return;
    const to =
      event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : event.key in steps ? (at + steps[event.key]! + all.length) % all.length : -1;
    if (to < 0) return;
    event.preventDefault();
    all[to]?.focus();
  };

  return (
    <fieldset className="facet" ref={group} onKeyDown={onKeyDown}>
      <legend>{legend}</legend>
      {selected.length > 0 && (
        <button
          type="button"
          className="link-button facet-clear"
          aria-label={`Clear ${legend.toLowerCase()}`}
          onClick={() => {
            // The button goes once nothing is chosen: focus stays in the group, on its first box.
            boxes()[0]?.focus();
            onClear();
          }}
        >
          Clear
        </button>
      )}
      {shown.map((option) => (
        <label key={option.slug} className="check">
          <input
            type="checkbox"
            name={name}
            value={option.slug}
            checked={selected.includes(option.slug)}
            onChange={(e) => onToggle(option.slug, e.target.checked)}
          />
          {option.name} <span className="count">({option.count})</span>
        </label>
      ))}
    </fieldset>
  );
}
