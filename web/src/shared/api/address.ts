import type { components } from "../../api/generated/orders";

/**
 * The one postal address (ECommerce.Contracts.PostalAddress): what checkout sends, what an order ships to, and the
 * fields of every address-book entry. Generated from the services' OpenAPI documents, like every API type here.
 */
export type PostalAddress = components["schemas"]["PostalAddress"];
