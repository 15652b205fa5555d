import { createContext, useContext } from "react";

/** What opened the drawer: focus goes back to `opener` when it closes; `added` names what was just put in the cart. */
export interface CartDrawerOpening {
  opener?: HTMLElement | null;
  added?: string;
}

export interface CartDrawerControls {
  open: (opening?: CartDrawerOpening) => void;
  /** False outside the layout (a page rendered alone in a test): adding then only says so on the page. */
  available: boolean;
}

export const CartDrawerContext = createContext<CartDrawerControls>({ open: () => {}, available: false });

/** Opens the cart drawer the layout holds (after an add, or from the header's cart link). */
export function useCartDrawer(): CartDrawerControls {
  return useContext(CartDrawerContext);
}
