import { useRef, useState, type ReactNode } from "react";
import { StringListEditor, withPendingEntry } from "../../components/ui/string-list-editor";
import { useI18n } from "../../lib/i18n";
import { ipProblemAt, listHasProblems, redirectProblemAt } from "./client-rules";

interface ClientLists {
  allowedIps: string[];
  redirectUris: string[];
}

interface ClientListFieldsState {
  fields: ReactNode;
  /** Input the owner would lose on discard: entries changed or typed. */
  dirty: boolean;
  /** An added entry breaks a rule (each is marked at its field). */
  hasProblems: boolean;
  /**
   * The lists to submit, typed-but-not-added entries included, or null when a typed entry is
   * invalid: then it is marked at its field and focused, and the submit must stop.
   */
  collect(): ClientLists | null;
}

/** Allowed IPs and redirect URLs, validated as you type with the server's rules (create and edit). */
export function useClientListFields(initial: ClientLists): ClientListFieldsState {
  const { t } = useI18n();
  const [allowedIps, setAllowedIps] = useState(initial.allowedIps);
  const [redirectUris, setRedirectUris] = useState(initial.redirectUris);
  const [ipDraft, setIpDraft] = useState("");
  const [uriDraft, setUriDraft] = useState("");
  const [refused, setRefused] = useState<{ ips: boolean; uris: boolean }>({ ips: false, uris: false });
  const ipInput = useRef<HTMLInputElement>(null);
  const uriInput = useRef<HTMLInputElement>(null);
  const pendingError = t("clients.pendingEntry");

  const collect = (): ClientLists | null => {
    const ips = withPendingEntry(allowedIps, ipDraft, ipProblemAt);
    const uris = withPendingEntry(redirectUris, uriDraft, redirectProblemAt);
    setRefused({ ips: "problem" in ips, uris: "problem" in uris });
    if ("problem" in ips) ipInput.current?.focus();
    else if ("problem" in uris) uriInput.current?.focus();
    if ("problem" in ips || "problem" in uris) return null;
    setAllowedIps(ips.values);
    setRedirectUris(uris.values);
    setIpDraft("");
    setUriDraft("");
    return { allowedIps: ips.values, redirectUris: uris.values };
  };

  const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);
  const dirty = ipDraft.trim() !== "" || uriDraft.trim() !== "" || !same(allowedIps, initial.allowedIps) || !same(redirectUris, initial.redirectUris);

  const fields = (
    <>
      <StringListEditor
        label={t("clients.allowedIps")}
        hint={t("clients.allowedIpsHint")}
        values={allowedIps}
        onChange={setAllowedIps}
        draft={ipDraft}
        onDraftChange={(draft) => {
          setIpDraft(draft);
          setRefused((current) => ({ ...current, ips: false }));
        }}
        draftRef={ipInput}
        pendingError={refused.ips ? pendingError : undefined}
        problemAt={ipProblemAt}
        placeholder="203.0.113.0/24"
        addLabel={t("common.add")}
        removeLabel={t("common.remove")}
      />
      <StringListEditor
        label={t("clients.redirectUris")}
        values={redirectUris}
        onChange={setRedirectUris}
        draft={uriDraft}
        onDraftChange={(draft) => {
          setUriDraft(draft);
          setRefused((current) => ({ ...current, uris: false }));
        }}
        draftRef={uriInput}
        pendingError={refused.uris ? pendingError : undefined}
        problemAt={redirectProblemAt}
        placeholder="https://app.example.com/callback"
        addLabel={t("common.add")}
        removeLabel={t("common.remove")}
      />
    </>
  );
  return { fields, dirty, hasProblems: listHasProblems(allowedIps, redirectUris), collect };
}
