import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatOrderNumber, ordersApi, type OrderDetail } from "../orders";
import { ErrorMessage } from "../../shared/ui/Status";
import { adminOrderKeys } from "./queryKeys";

/**
 * The back office's shipping of one order: a parcel of some or all of what is left (quantities per line, carrier,
 * tracking number), and each parcel marked delivered when it arrives. Orders refuses more than is left of a line.
 */
export function OrderFulfilment({ order }: { order: OrderDetail }) {
  const client = useQueryClient();
  const carriers = useQuery({ queryKey: adminOrderKeys.carriers(), queryFn: ordersApi.carriers, staleTime: Infinity });
  const left = order.lines.filter((l) => l.quantity - l.shipped > 0);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [carrier, setCarrier] = useState("royal-mail");
  const [tracking, setTracking] = useState("");
  const refresh = () => client.invalidateQueries({ queryKey: adminOrderKeys.all() });
  const ship = useMutation({
    mutationFn: () =>
      ordersApi.createShipment(order.id, {
        carrier,
        trackingNumber: tracking.trim(),
        lines: left
          .map((l) => ({ productId: l.productId, quantity: quantities[l.productId] ?? l.quantity - l.shipped }))
          .filter((l) => l.quantity > 0),
      }),
    onSuccess: () => {
      setTracking("");
      setQuantities({});
      return refresh();
    },
  });
  const deliver = useMutation({ mutationFn: (shipmentId: string) => ordersApi.deliverShipment(order.id, shipmentId), onSuccess: refresh });
  const number = formatOrderNumber(order.number);
  return (
    <section className="order-shipping" aria-label={`Shipping for order ${number}`}>
      <h2>Shipping</h2>
      {order.shipments.length > 0 && (
        <ul>
          {order.shipments.map((s) => (
            <li key={s.id}>
              {s.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")} — {s.carrierName} {s.trackingNumber}
              {s.deliveredAt ? (
                " · delivered"
              ) : (
                <button type="button" className="link-button" disabled={deliver.isPending} onClick={() => deliver.mutate(s.id)}>
                  Mark parcel {s.trackingNumber} delivered
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {(order.status === "Paid" || order.status === "PartiallyShipped") && left.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ship.mutate();
          }}
        >
          {left.map((l) => (
            <label key={l.productId}>
              Ship {l.sku} ({l.quantity - l.shipped} left){" "}
              <input
                type="number"
                min={0}
                max={l.quantity - l.shipped}
                value={quantities[l.productId] ?? l.quantity - l.shipped}
                onChange={(e) => setQuantities({ ...quantities, [l.productId]: Number(e.target.value) })}
              />
            </label>
          ))}{" "}
          <label>
            Carrier{" "}
            <select value={carrier} onChange={(e) => setCarrier(e.target.value)}>
              {(carriers.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            Tracking number <input value={tracking} onChange={(e) => setTracking(e.target.value)} required maxLength={100} />
          </label>{" "}
          <button type="submit" className="button" disabled={ship.isPending}>
            Create shipment
          </button>
        </form>
      )}
      {ship.isError && <ErrorMessage error={ship.error} />}
      {deliver.isError && <ErrorMessage error={deliver.error} />}
    </section>
  );
}
