import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notificationsApi, type WebhookDelivery, type WebhookEndpoint } from "./api/notifications";
import { ErrorMessage, describeError } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { notificationKeys } from "./queryKeys";

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString("en-GB") : "—");

/**
 * An endpoint's latest deliveries (newest first): what was sent, how the receiver answered and how fast, the attempts so
 * far and the next retry; any one can be sent again by hand. Read again every few seconds while some are pending.
 */
export function WebhookDeliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const deliveries = useQuery({
    queryKey: notificationKeys.deliveries(endpoint.id),
    queryFn: () => notificationsApi.deliveries(endpoint.id),
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === "Pending") ? 3000 : false),
  });
  return (
    <section aria-label={`Deliveries to ${endpoint.url}`}>
      <h3>Deliveries</h3>
      {deliveries.isError ? (
        <ErrorMessage error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : !deliveries.data ? (
        <ListSkeleton rows={3} label="Loading the deliveries…" />
      ) : deliveries.data.length === 0 ? (
        <EmptyState>Nothing has been sent to this endpoint yet.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Deliveries to {endpoint.url}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Answer</th>
              <th scope="col">Attempts</th>
              <th scope="col">Next retry</th>
              <th scope="col">Queued</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <DeliveryRow key={d.id} endpointId={endpoint.id} delivery={d} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DeliveryRow({ endpointId, delivery: d }: { endpointId: string; delivery: WebhookDelivery }) {
  const client = useQueryClient();
  const redeliver = useMutation({
    mutationFn: () => notificationsApi.redeliver(endpointId, d.id),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.deliveries(endpointId) }),
  });
  const answer = d.lastStatusCode === null ? "no answer" : `HTTP ${d.lastStatusCode}`;
  return (
    <tr data-testid={`delivery-${d.id}`}>
      <th scope="row">
        {d.eventType}
        <div className="hint">event {d.eventId.slice(0, 8)}</div>
      </th>
      <td>
        {d.status}
        {d.deliveredAt && <div className="hint">delivered {when(d.deliveredAt)}</div>}
      </td>
      <td>
        {d.attempts === 0 ? "not tried yet" : `${answer}${d.lastLatencyMs === null ? "" : ` in ${d.lastLatencyMs} ms`}`}
        {d.lastError && <div className="field-error">{d.lastError}</div>}
      </td>
      <td>{d.attempts}</td>
      <td>{when(d.nextAttemptAt)}</td>
      <td>{when(d.createdAt)}</td>
      <td className="actions">
        <button
          type="button"
          className="link-button"
          disabled={redeliver.isPending}
          aria-label={`Redeliver ${d.eventType} event ${d.eventId.slice(0, 8)}`}
          onClick={() => redeliver.mutate()}
        >
          Redeliver
        </button>
        {redeliver.isSuccess && <p role="status">Queued to be sent again.</p>}
        {redeliver.isError && (
          <div className="error" role="alert">
            <p>Not redelivered: {describeError(redeliver.error)}</p>
          </div>
        )}
      </td>
    </tr>
  );
}
