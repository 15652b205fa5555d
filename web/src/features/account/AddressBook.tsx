import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { emptyAddress, usersApi, type Address, type AddressInput } from "./api";
import { AddressFields } from "./AddressFields";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { userKeys } from "./queryKeys";

export function AddressBook() {
  const client = useQueryClient();
  const addresses = useQuery({ queryKey: userKeys.addresses(), queryFn: usersApi.addresses });
  const [editing, setEditing] = useState<{ id?: string; value: AddressInput } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: userKeys.addresses() });
  const save = useMutation({
    mutationFn: (e: { id?: string; value: AddressInput }) => (e.id ? usersApi.updateAddress(e.id, e.value) : usersApi.addAddress(e.value)),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: usersApi.deleteAddress, onSuccess: () => void refresh() });
  const edit = (a: Address) => {
    const { id, ...value } = a;
    setEditing({ id, value });
  };

  return (
    <section aria-labelledby="addresses-heading" className="panel">
      <h2 id="addresses-heading">Address book</h2>
      {addresses.isError ? (
        <ErrorMessage error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : !addresses.data ? (
        <ListSkeleton rows={2} />
      ) : addresses.data.length === 0 ? (
        <EmptyState>No saved addresses yet. Add one here, or save the one you use at checkout.</EmptyState>
      ) : (
        <ul className="address-list">
          {addresses.data.map((a) => (
            <li key={a.id}>
              <strong>{a.label}</strong> {a.isDefaultShipping && <span className="tag">default delivery</span>}
              <br />
              {a.recipient}, {a.line1}, {a.city} {a.postcode}, {a.country}
              <div className="actions">
                <button type="button" className="link-button" onClick={() => edit(a)}>
                  Edit<span className="visually-hidden"> {a.label}</span>
                </button>
                <button type="button" className="link-button" onClick={() => remove.mutate(a.id)}>
                  Remove<span className="visually-hidden"> {a.label}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(editing);
          }}
        >
          <AddressFields value={editing.value} onChange={(value) => setEditing({ ...editing, value })} errorFor={(f) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined)} />
          <label className="check">
            <input type="checkbox" checked={editing.value.isDefaultShipping ?? false} onChange={(e) => setEditing({ ...editing, value: { ...editing.value, isDefaultShipping: e.target.checked } })} />
            Default delivery address
          </label>
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              Save address
            </button>
            <button type="button" className="button secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
          {save.isError && <ErrorMessage error={save.error} />}
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setEditing({ value: emptyAddress })}>
          Add an address
        </button>
      )}
      {remove.isError && <ErrorMessage error={remove.error} />}
    </section>
  );
}
