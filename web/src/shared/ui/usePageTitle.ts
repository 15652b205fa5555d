import { useEffect } from "react";
import { brand } from "../brand/brand";

/** "Cart · ECommerce": each page names itself in the browser tab and history; no title is just the store's name. */
export const pageTitle = (title?: string): string => (title ? `${title} · ${brand.name}` : brand.name);

export function usePageTitle(title?: string): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}
