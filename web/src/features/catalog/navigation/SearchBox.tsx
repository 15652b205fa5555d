import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { productsApi } from "../api/products";
import { useDebounced } from "../../../shared/hooks/useDebounced";
import { searchKeys } from "../queryKeys";

/**
 * The header's search box: an ARIA 1.2 combobox whose suggestions come from the autocomplete endpoint. Arrow keys
 * move through suggestions, Enter opens one (or searches for the text), Escape closes the list and keeps the text
 * (a search input's native Escape would wipe what the shopper typed).
 */
export function SearchBox({ initial = "" }: { initial?: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = useDebounced(text.trim(), 150);
  const listId = useId();
  const inputId = useId();

  useEffect(() => setText(initial), [initial]);

  const suggestions = useQuery({
    queryKey: searchKeys.autocomplete(term),
    queryFn: ({ signal }) => productsApi.suggestions(term, signal),
    enabled: term.length >= 2,
    staleTime: 60_000,
    retry: false,
  });
  const items = term.length >= 2 ? (suggestions.data ?? []) : [];
  const expanded = open && items.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    const chosen = active >= 0 ? items[active] : undefined;
    if (chosen) navigate(`/products/${chosen.slug}`);
    else navigate(`/catalog?q=${encodeURIComponent(text.trim())}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Search products
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="Search products"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <button type="submit" className="button">
        Search
      </button>
      <ul id={listId} role="listbox" className="suggestions" hidden={!expanded} aria-label="Suggestions">
        {items.map((item, i) => (
          <li
            key={item.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              setOpen(false);
              navigate(`/products/${item.slug}`);
            }}
          >
            {item.name}
          </li>
        ))}
      </ul>
    </form>
  );
}
