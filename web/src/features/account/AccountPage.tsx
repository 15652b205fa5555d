import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usersApi, type ProfileInput } from "./api";
import { useAuth } from "../../shared/auth/AuthContext";
import { RequireRole } from "../../shared/ui/RequireRole";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { AddressBook } from "./AddressBook";
import { DeleteAccount } from "./DeleteAccount";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { userKeys } from "./queryKeys";

export default function AccountPage() {
  usePageTitle("Your account");
  return (
    <RequireRole>
      <h1>Your account</h1>
      <ProfileForm />
      <AddressBook />
      <ExportData />
      <DeleteAccount />
    </RequireRole>
  );
}

function ProfileForm() {
  const client = useQueryClient();
  const { user } = useAuth();
  const profile = useQuery({ queryKey: userKeys.me(), queryFn: usersApi.me });
  const [form, setForm] = useState<ProfileInput>({ displayName: "", phone: "", marketingConsent: false });
  useEffect(() => {
    if (profile.data) setForm({ displayName: profile.data.displayName, phone: profile.data.phone ?? "", marketingConsent: profile.data.marketingConsent });
  }, [profile.data]);
  const save = useMutation({
    mutationFn: () => usersApi.updateMe(form),
    onSuccess: (p) => client.setQueryData(userKeys.me(), p),
  });
  return (
    <section aria-labelledby="profile-heading" className="panel">
      <h2 id="profile-heading">Profile</h2>
      {profile.isError ? (
        <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />
      ) : !profile.data ? (
        <Loading />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <p>Email: {profile.data.email ?? user?.email}</p>
          <div className="field">
            <label htmlFor="displayName">Name</label>
            <input id="displayName" required value={form.displayName ?? ""} onChange={(e) => setForm({ ...form, displayName: e.target.value })} autoComplete="name" />
          </div>
          <div className="field">
            <label htmlFor="phone">Phone (optional)</label>
            <input id="phone" value={form.phone ?? ""} onChange={(e) => setForm({ ...form, phone: e.target.value })} autoComplete="tel" />
          </div>
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={form.marketingConsent ?? false}
                onChange={(e) => setForm({ ...form, marketingConsent: e.target.checked })}
              />{" "}
              Send me offers by e-mail
            </label>
          </div>
          <button type="submit" className="button" disabled={save.isPending}>
            Save profile
          </button>
          <p role="status">{save.isSuccess ? "Saved." : ""}</p>
          {save.isError && <ErrorMessage error={save.error} />}
        </form>
      )}
    </section>
  );
}

function ExportData() {
  const exportData = useMutation({
    mutationFn: usersApi.exportData,
    onSuccess: (data) => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = "my-data.json";
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">Your data</h2>
      <p>Download everything the store holds about you as JSON.</p>
      <button type="button" className="button secondary" disabled={exportData.isPending} onClick={() => exportData.mutate()}>
        Export my data
      </button>
      {exportData.isError && <ErrorMessage error={exportData.error} />}
    </section>
  );
}
