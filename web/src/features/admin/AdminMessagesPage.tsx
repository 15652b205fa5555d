import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { isGuestCustomer, notificationsApi, templateName, type MessageLogEntry } from "./api/notifications";
import { describeError } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { Pager } from "../../shared/ui/Pager";
import { notificationKeys } from "./queryKeys";

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString("en-GB") : "—");

/** A failed read of the log in plain words: the customer id's problem beside the field, the rest as a sentence. */
export function messageLogError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 400) return error.fieldError("customerId") ?? "That customer id cannot be looked up.";
    if (error.status === 401) return "Please sign in again to read the message log.";
    if (error.status === 403) return "Only administrators can read the message log.";
    if (error.status >= 500) return "The notifications service is not answering just now; try again in a moment.";
  }
  return describeError(error);
}

/**
 * What the store mailed one customer (an account id, or a guest's `guest:…` id from an order), newest first: the
 * mail, its recipient, whether it was sent or is still being retried, and when. `?customer=` names the customer, so
 * the orders page can link here.
 */
export default function AdminMessagesPage() {
  const [params, setParams] = useSearchParams();
  const customerId = params.get("customer")?.trim() ?? "";
  const [typed, setTyped] = useState(customerId);
  const [shown, setShown] = useState(customerId);
  if (shown !== customerId) {
    // Followed a link (or went back) to another customer: the field shows who is listed.
    setShown(customerId);
    setTyped(customerId);
  }
  const log = useInfiniteQuery({
    queryKey: notificationKeys.messages(customerId),
    queryFn: ({ pageParam }) => notificationsApi.messages(customerId, { limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: customerId !== "",
    refetchOnMount: "always",
    // A mail still queued is being sent or retried: read again until it is sent or given up.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((m) => m.status === "Queued")) ? 5000 : false),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The same customer again reads the log afresh (a mail queued since); another one changes the link.
    if (typed.trim() === customerId && customerId) void log.refetch();
    else setParams(typed.trim() ? { customer: typed.trim() } : {});
  };
  const items = log.data?.pages.flatMap((p) => p.items);
  const fieldError = log.error instanceof ApiError && log.error.status === 400 ? messageLogError(log.error) : undefined;

  return (
    <section>
      <h1>Messages</h1>
      <form className="toolbar" onSubmit={submit}>
        <label>
          Customer id{" "}
          <input
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Account id, or guest:… from an order"
            maxLength={200}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "customer-id-error" : undefined}
          />
        </label>{" "}
        <button type="submit" className="button">
          Show messages
        </button>
        {fieldError && (
          <p id="customer-id-error" className="field-error">
            {fieldError}
          </p>
        )}
      </form>
      {customerId === "" ? (
        <p className="hint">Enter a customer id, or open an order in Orders and follow “Messages to this customer”.</p>
      ) : log.isError ? (
        fieldError ? null : (
          <div className="error" role="alert">
            <p>The message log could not be read: {messageLogError(log.error)}</p>
            <button type="button" className="button secondary" onClick={() => void log.refetch()}>
              Try again
            </button>
          </div>
        )
      ) : !items ? (
        <ListSkeleton rows={6} label="Loading the message log…" />
      ) : (
        <>
          <p>
            {isGuestCustomer(customerId) ? "Guest customer" : "Customer"} <code>{customerId}</code>
          </p>
          {items.length === 0 ? (
            <EmptyState>No messages have been sent to this customer.</EmptyState>
          ) : (
            <MessageTable items={items} />
          )}
          <Pager hasNext={log.hasNextPage} loading={log.isFetchingNextPage} onNext={() => void log.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

function MessageTable({ items }: { items: MessageLogEntry[] }) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Messages to this customer, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Message</th>
          <th scope="col">Recipient</th>
          <th scope="col">Status</th>
          <th scope="col">Queued</th>
          <th scope="col">Sent</th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.key} data-testid={`message-${m.template}`}>
            <th scope="row">
              {templateName(m.template)}
              {m.subject && <div>{m.subject}</div>}
            </th>
            <td>{m.recipient ?? "not known yet"}</td>
            <td>
              <span className={`status status-${m.status}`}>{m.status}</span>
              <div className="hint">
                {m.attempts === 1 ? "1 attempt" : `${m.attempts} attempts`}
                {m.status === "Queued" && m.nextAttemptAt && ` · next ${when(m.nextAttemptAt)}`}
              </div>
              {m.lastError && m.status !== "Sent" && <div className="field-error">{m.lastError}</div>}
            </td>
            <td>{when(m.createdAt)}</td>
            <td>{when(m.sentAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
