import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { notificationsApi, type WebhookEndpoint } from "./api/notifications";
import { ErrorMessage, Loading, describeError } from "../../shared/ui/Status";
import { AdminField, fieldErrorOf } from "./AdminField";
import { notificationKeys } from "./queryKeys";

/**
 * Registers a receiver: its URL and the event types it wants, chosen from those the service offers. The answer carries
 * the signing secret, shown here once (the service never shows it again) until the next registration.
 */
export function WebhookRegistration() {
  const client = useQueryClient();
  const eventTypes = useQuery({ queryKey: notificationKeys.webhookEventTypes(), queryFn: notificationsApi.webhookEventTypes });
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [registered, setRegistered] = useState<WebhookEndpoint | null>(null);
  const register = useMutation({
    mutationFn: () => notificationsApi.registerWebhook({ url: url.trim(), eventTypes: chosen }),
    onSuccess: (endpoint) => {
      setRegistered(endpoint);
      setUrl("");
      setChosen([]);
      void client.invalidateQueries({ queryKey: notificationKeys.webhooks() });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRegistered(null);
    if (!register.isPending) register.mutate();
  };
  const errorOf = fieldErrorOf(register.error);
  const invalid = register.error instanceof ApiError && register.error.status === 400 && register.error.problem.errors;

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="webhook-register-heading">
      <h2 id="webhook-register-heading">Register an endpoint</h2>
      <AdminField id="webhook-url" label="Endpoint URL" error={errorOf("url")} hint="Where the store POSTs each event, signed with the endpoint's secret.">
        {(described) => (
          <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/store" maxLength={2000} required {...described} />
        )}
      </AdminField>
      <fieldset aria-describedby={errorOf("eventTypes") ? "webhook-event-types-error" : undefined}>
        <legend>Event types</legend>
        {eventTypes.isError ? (
          <ErrorMessage error={eventTypes.error} onRetry={() => void eventTypes.refetch()} />
        ) : !eventTypes.data ? (
          <Loading label="Loading the event types…" />
        ) : (
          eventTypes.data.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(type)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, type] : chosen.filter((t) => t !== type))}
              />{" "}
              {type}
            </label>
          ))
        )}
        {errorOf("eventTypes") && (
          <span id="webhook-event-types-error" className="field-error">
            {errorOf("eventTypes")}
          </span>
        )}
      </fieldset>
      <button type="submit" className="button" disabled={register.isPending}>
        {register.isPending ? "Registering…" : "Register endpoint"}
      </button>
      {register.isError && (
        <div className="error" role="alert">
          <p>
            {invalid ? "The endpoint was not registered: each problem is shown beside its field." : `The endpoint was not registered: ${describeError(register.error)}`}
          </p>
        </div>
      )}
      {registered && (
        <div role="status" className="panel">
          <p>
            Registered <strong>{registered.url}</strong>.
          </p>
          {registered.secret && (
            <>
              <p>
                Signing secret: <code data-testid="webhook-secret">{registered.secret}</code>
              </p>
              <p className="notice">Copy it now: it is shown only this once. The receiver checks each delivery's signature with it.</p>
            </>
          )}
        </div>
      )}
    </form>
  );
}
