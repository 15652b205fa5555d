import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { usersApi } from "./api";
import { useAuth } from "../../shared/auth/AuthContext";
import { ErrorMessage } from "../../shared/ui/Status";

/** Account deletion behind an explicit confirmation; the native dialog traps focus and returns it on close. */
export function DeleteAccount() {
  const { signOut } = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirmText, setConfirmText] = useState("");
  const remove = useMutation({ mutationFn: usersApi.deleteMe, onSuccess: () => signOut() });
  return (
    <section aria-labelledby="delete-heading" className="panel danger">
      <h2 id="delete-heading">Delete account</h2>
      <p>Deleting your account removes your profile and addresses and anonymises your orders. This cannot be undone.</p>
      <button type="button" className="button danger" onClick={() => dialog.current?.showModal()}>
        Delete my account…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-confirm-heading">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmText === "DELETE") remove.mutate();
          }}
        >
          <h3 id="delete-confirm-heading">Delete your account?</h3>
          <label htmlFor="confirm-delete">Type DELETE to confirm</label>
          <input id="confirm-delete" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" />
          {remove.isError && <ErrorMessage error={remove.error} />}
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              Keep my account
            </button>
            <button type="submit" className="button danger" disabled={confirmText !== "DELETE" || remove.isPending}>
              Delete permanently
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
