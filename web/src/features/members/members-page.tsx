import { useState, type FormEvent } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { useToast } from "../../components/ui/toast";
import { fieldError, toAppError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { MemberRole } from "./members.graphql";
import { useMemberMutations, useMembers } from "./use-members";

export function MembersPage({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useMembers(organizationId);
  const { add, updateRole, remove, busy } = useMemberMutations(organizationId);
  const [form, setForm] = useState({ email: "", name: "", password: "", role: "VIEWER" as MemberRole });
  const [formError, setFormError] = useState<AppErrorInfo | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const result = await add({ email: form.email, role: form.role, name: form.name === "" ? null : form.name, password: form.password === "" ? null : form.password });
    if ("error" in result) setFormError(result.error);
    else {
      toast(t("toast.memberAdded", { email: form.email }));
      setForm({ email: "", name: "", password: "", role: "VIEWER" });
    }
  };
  const act = async (run: () => Promise<{ error: AppErrorInfo } | { data: unknown }>, done: string) => {
    setRowError(null);
    const result = await run();
    if ("error" in result) setRowError(result.error.message);
    else toast(done);
  };
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t("nav.members")}</h1>
      <ErrorBanner message={error === undefined ? rowError : toAppError(error).message} />
      {loading && data === undefined ? (
        <Loading label={t("common.loading")} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("members.role")}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t("members.actions")}</span></th>}
              </tr>
            </thead>
            <tbody>
              {data?.members.map((member) => (
                <tr key={member.userId}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    {canEdit ? (
                      <select aria-label={`${t("members.role")}: ${member.email}`} value={member.role} onChange={(event) => act(() => updateRole(member.userId, event.target.value as MemberRole), t("toast.saved"))}>
                        <option value="OWNER">{t("role.owner")}</option>
                        <option value="VIEWER">{t("role.viewer")}</option>
                      </select>
                    ) : member.role === "OWNER" ? t("role.owner") : t("role.viewer")}
                  </td>
                  {canEdit && (
                    <td>
                      <button type="button" className="button button-small button-danger" onClick={() => act(() => remove(member.userId), t("toast.memberRemoved", { email: member.email }))}>
                        {t("common.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="card" onSubmit={submit}>
          <h2>{t("members.add")}</h2>
          <ErrorBanner message={formError !== null && formError.fields.length === 0 ? formError.message : null} />
          <FormField label={t("auth.email")} type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} error={fieldError(formError, "email")} />
          <FormField label={t("members.name")} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} error={fieldError(formError, "name")} hint={t("members.newUserHint")} />
          <FormField label={t("members.firstPassword")} type="password" autoComplete="new-password" value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} error={fieldError(formError, "password")} />
          <div className="field">
            <label htmlFor="member-role">{t("members.role")}</label>
            <select id="member-role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as MemberRole })}>
              <option value="VIEWER">{t("role.viewer")}</option>
              <option value="OWNER">{t("role.owner")}</option>
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {t("members.add")}
          </button>
        </form>
      )}
    </section>
  );
}
