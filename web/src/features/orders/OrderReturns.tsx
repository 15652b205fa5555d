import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { returnReasons, ordersApi, type OrderDetail, type OrderReturn } from "./api";
import { Money } from "../../shared/ui/Money";
import { ErrorMessage } from "../../shared/ui/Status";
import { orderKeys } from "./queryKeys";

const returnStatusLabels: Record<string, string> = {
  Requested: "Requested — waiting for the store",
  Approved: "Approved — please send the items back",
  Rejected: "Rejected",
  Received: "Received — refund on its way",
  Refunded: "Refunded",
};

/** The order's parcels, each with its carrier's tracking link and whether it has arrived. */
export function Shipments({ order }: { order: OrderDetail }) {
  if (order.shipments.length === 0) return null;
  const name = (productId: string) => order.lines.find((l) => l.productId === productId)?.name ?? productId;
  return (
    <section aria-labelledby="shipments">
      <h2 id="shipments">Parcels</h2>
      <ul>
        {order.shipments.map((s) => (
          <li key={s.id} data-testid="shipment">
            {s.lines.map((l) => `${l.quantity} × ${name(l.productId)}`).join(", ")} — {s.carrierName}{" "}
            {s.trackingUrl ? (
              <a href={s.trackingUrl} target="_blank" rel="noreferrer">
                {s.trackingNumber}
              </a>
            ) : (
              s.trackingNumber
            )}
            {s.deliveredAt ? ` · delivered ${new Date(s.deliveredAt).toLocaleDateString("en-GB")}` : " · on its way"}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The order's returns and where each stands, with what it refunds once the store has the items. */
export function Returns({ order }: { order: OrderDetail }) {
  if (order.returns.length === 0) return null;
  return (
    <section aria-labelledby="returns">
      <h2 id="returns">Returns</h2>
      <ul>
        {order.returns.map((r) => (
          <ReturnEntry key={r.id} order={order} entry={r} />
        ))}
      </ul>
    </section>
  );
}

function ReturnEntry({ order, entry }: { order: OrderDetail; entry: OrderReturn }) {
  const name = (productId: string) => order.lines.find((l) => l.productId === productId)?.name ?? productId;
  return (
    <li data-testid="return">
      {entry.lines.map((l) => `${l.quantity} × ${name(l.productId)}`).join(", ")}:{" "}
      <strong data-testid="return-status">{returnStatusLabels[entry.status] ?? entry.status}</strong>
      {entry.rejectionReason && ` (${entry.rejectionReason})`}
      {entry.refund != null && (
        <span data-testid="return-refund">
          {" "}· refund <Money amount={entry.refund} currency={order.currency} />
          {entry.refundsShipping && " including shipping"}
        </span>
      )}
    </li>
  );
}

/**
 * "Return items": delivered lines not already in a return, a quantity and a reason for each. Shown while the return
 * window is open; the server decides what may be returned and answers a refusal naming the line.
 */
export function ReturnForm({ order, access }: { order: OrderDetail; access?: string }) {
  const client = useQueryClient();
  const returnable = order.lines.filter((l) => l.returnable > 0);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const send = useMutation({
    mutationFn: () =>
      ordersApi.requestReturn(
        order.id,
        {
          lines: returnable
            .filter((l) => (quantities[l.productId] ?? 0) > 0)
            .map((l) => ({ productId: l.productId, quantity: quantities[l.productId] ?? 0, reason: reasons[l.productId] ?? "" })),
          note: note.trim() || null,
        },
        access,
      ),
    onSuccess: (updated) => {
      setQuantities({});
      client.setQueryData(orderKeys.detail(order.id, access), updated);
    },
  });
  const open = order.returnsOpenUntil && new Date(order.returnsOpenUntil) > new Date();
  if (!open || returnable.length === 0) return null;
  return (
    <section aria-labelledby="return-items" className="panel">
      <h2 id="return-items">Return items</h2>
      <p>You can return delivered items until {new Date(order.returnsOpenUntil!).toLocaleDateString("en-GB")}.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        {returnable.map((l) => (
          <fieldset key={l.productId}>
            <legend>{l.name}</legend>
            <label>
              Quantity to return of {l.name}{" "}
              <input
                type="number"
                min={0}
                max={l.returnable}
                value={quantities[l.productId] ?? 0}
                onChange={(e) => setQuantities({ ...quantities, [l.productId]: Number(e.target.value) })}
              />
            </label>{" "}
            <label>
              Reason for returning {l.name}{" "}
              <select value={reasons[l.productId] ?? ""} onChange={(e) => setReasons({ ...reasons, [l.productId]: e.target.value })}>
                <option value="">Choose a reason</option>
                {returnReasons.map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        ))}
        <label>
          Anything we should know (optional) <textarea value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={send.isPending || !returnable.some((l) => (quantities[l.productId] ?? 0) > 0)}>
          Request return
        </button>
      </form>
      {send.isError && <ErrorMessage error={send.error} />}
    </section>
  );
}
