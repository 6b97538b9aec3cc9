import { useId, type Ref } from "react";

interface StringListEditorProps {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  /** The entry typed but not yet added: the form owns it, so submitting can never drop it. */
  draft: string;
  onDraftChange(draft: string): void;
  /** Problem with an entry at an index (as the server would say it), or undefined. */
  problemAt(values: string[], index: number): string | undefined;
  placeholder: string;
  addLabel: string;
  removeLabel: string;
  hint?: string;
  /** Shown at the typed entry when a submit was refused because of it. */
  pendingError?: string;
  draftRef?: Ref<HTMLInputElement>;
}

export type PendingResult = { values: string[] } | { problem: string };

/**
 * What a list holds once its typed entry is taken in: the entry is added when valid, and
 * an invalid one refuses the submit. A typed entry is never silently dropped.
 */
export function withPendingEntry(values: string[], draft: string, problemAt: StringListEditorProps["problemAt"]): PendingResult {
  const entry = draft.trim();
  if (entry === "") return { values };
  const next = [...values, entry];
  const problem = problemAt(next, values.length);
  return problem === undefined ? { values: next } : { problem };
}

/** An editable list (IPs, redirect URLs) validated as you type, errors beside each entry. */
export function StringListEditor({ label, values, onChange, draft, onDraftChange, problemAt, placeholder, addLabel, removeLabel, hint, pendingError, draftRef }: StringListEditorProps) {
  const id = useId();
  const entry = draft.trim();
  const draftProblem = entry === "" ? undefined : problemAt([...values, entry], values.length);
  const add = () => {
    if (entry === "" || draftProblem !== undefined) return;
    onChange([...values, entry]);
    onDraftChange("");
  };
  const errors = [pendingError, draftProblem].filter((message): message is string => message !== undefined);
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ul>
        {values.map((value, index) => {
          const problem = problemAt(values, index);
          return (
            <li key={`${value}-${index}`}>
              <span className="mono list-entry">{value}</span>
              <button type="button" className="button button-small" onClick={() => onChange(values.filter((_, i) => i !== index))} aria-label={`${removeLabel} ${value}`}>
                {removeLabel}
              </button>
              {problem !== undefined && (
                <p className="field-error" role="alert">
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="copy-row">
        <input
          ref={draftRef}
          id={id}
          aria-label={`${label}: ${placeholder}`}
          placeholder={placeholder}
          value={draft}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? `${id}-error` : hint !== undefined ? `${id}-hint` : undefined}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add} disabled={entry === "" || draftProblem !== undefined}>
          {addLabel}
        </button>
      </div>
      {errors.length > 0 && (
        <div id={`${id}-error`} role="alert">
          {errors.map((message) => (
            <p key={message} className="field-error">
              {message}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
