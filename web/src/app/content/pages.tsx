import type { ReactNode } from "react";
import { brand } from "../../shared/brand/brand";
import type { ContentSlug } from "./index";

/** The text of each content page (its title is in index.ts), rendered by the one ContentPage route (/help/:slug). */
export const contentBodies: Record<ContentSlug, ReactNode> = {
  delivery: (
    <>
      <p>We deliver to addresses in the United Kingdom and the European Union. Checkout shows every delivery option for your address with its price and the dates it should arrive.</p>
      <p>Orders placed before 2 pm on a working day usually leave our warehouse the same day. Each parcel comes with a tracking link, on your order page and in the e-mail we send when it ships.</p>
      <p>If your order ships in more than one parcel, you pay for delivery once.</p>
    </>
  ),
  returns: (
    <>
      <p>You can return items within 30 days of delivery. Open the order, choose <strong>Return items</strong>, and tell us what you are sending back and why.</p>
      <p>Once we approve the return, send the items back. We refund you as soon as they arrive, to the card you paid with; a faulty item is refunded with its delivery cost.</p>
    </>
  ),
  contact: (
    <>
      <p>Questions about an order? Write to us with your order number and we will answer within one working day.</p>
      <p>
        E-mail: <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>
      </p>
    </>
  ),
  privacy: (
    <>
      <p>{brand.name} keeps the details you give us (your name, e-mail, addresses and orders) only to deliver your orders and, if you agree, to send you offers.</p>
      <p>Card details go straight to our payment provider; we never see or store your card number.</p>
      <p>From your account page you can download everything we hold about you, or delete your account.</p>
    </>
  ),
  terms: (
    <>
      <p>Prices include VAT where shown. Your order is a contract once we have taken payment; until then we may cancel it, for example if an item sells out, and you are not charged.</p>
      <p>You may cancel an order until it ships. A paid order that you cancel is refunded in full.</p>
    </>
  ),
};
