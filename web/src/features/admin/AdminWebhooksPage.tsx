import { Fragment, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notificationsApi, type WebhookEndpoint } from "./api/notifications";
import { ErrorMessage, describeError } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { WebhookDeliveries } from "./WebhookDeliveries";
import { WebhookRegistration } from "./WebhookRegistration";
import { notificationKeys } from "./queryKeys";

/**
 * Outbound webhooks: the receivers the store POSTs order, payment and return events to. Register one (its secret is
 * shown once), delete one after a confirmation, and open one's deliveries to see how it answered or send one again.
 */
export default function AdminWebhooksPage() {
  const list = useQuery({ queryKey: notificationKeys.webhooks(), queryFn: notificationsApi.webhooks, refetchOnMount: "always" });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section>
      <h1>Webhooks</h1>
      <WebhookRegistration />
      <h2>Endpoints</h2>
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <ListSkeleton rows={3} />
      ) : list.data.length === 0 ? (
        <EmptyState>No endpoints are registered.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Registered endpoints</caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Event types</th>
              <th scope="col">Registered</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((endpoint) => (
              <Fragment key={endpoint.id}>
                <EndpointRow endpoint={endpoint} open={open === endpoint.id} onToggle={() => setOpen(open === endpoint.id ? null : endpoint.id)} />
                {open === endpoint.id && (
                  <tr>
                    <td colSpan={4}>
                      <WebhookDeliveries endpoint={endpoint} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EndpointRow({ endpoint, open, onToggle }: { endpoint: WebhookEndpoint; open: boolean; onToggle: () => void }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => notificationsApi.deleteWebhook(endpoint.id),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.webhooks() }),
  });
  return (
    <tr data-testid={`webhook-${endpoint.id}`}>
      <th scope="row">{endpoint.url}</th>
      <td>{endpoint.eventTypes.join(", ")}</td>
      <td>{new Date(endpoint.createdAt).toLocaleString("en-GB")}</td>
      <td className="actions">
        <button type="button" className="link-button" aria-expanded={open} aria-label={`Deliveries to ${endpoint.url}`} onClick={onToggle}>
          Deliveries
        </button>{" "}
        {confirming ? (
          <span role="group" aria-label={`Confirm deleting ${endpoint.url}`}>
            <span>Delete this endpoint? Nothing more is sent to it.</span>{" "}
            <button type="button" className="link-button" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Yes, delete
            </button>{" "}
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="link-button" aria-label={`Delete ${endpoint.url}`} onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
        {remove.isError && (
          <div className="error" role="alert">
            <p>Not deleted: {describeError(remove.error)}</p>
          </div>
        )}
      </td>
    </tr>
  );
}
