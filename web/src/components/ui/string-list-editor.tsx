import { useId, useState } from "react";

interface StringListEditorProps {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  /** Problem with an entry at an index (as the server would say it), or undefined. */
  problemAt(values: string[], index: number): string | undefined;
  placeholder: string;
  addLabel: string;
  removeLabel: string;
  hint?: string;
}

/** An editable list (IPs, redirect URLs) validated as you type, errors beside each entry. */
export function StringListEditor({ label, values, onChange, problemAt, placeholder, addLabel, removeLabel, hint }: StringListEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const add = () => {
    const value = draft.trim();
    if (value === "") return;
    onChange([...values, value]);
    setDraft("");
  };
  const draftProblem = draft.trim() === "" ? undefined : problemAt([...values, draft.trim()], values.length);
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {hint !== undefined && <p className="hint">{hint}</p>}
      <ul>
        {values.map((value, index) => {
          const problem = problemAt(values, index);
          return (
            <li key={`${value}-${index}`}>
              <span className="mono">{value}</span>
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
          id={id}
          aria-label={`${label}: ${placeholder}`}
          placeholder={placeholder}
          value={draft}
          aria-invalid={draftProblem !== undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              if (draftProblem === undefined) add();
            }
          }}
        />
        <button type="button" className="button" onClick={add} disabled={draft.trim() === "" || draftProblem !== undefined}>
          {addLabel}
        </button>
      </div>
      {draftProblem !== undefined && (
        <p className="field-error" role="alert">
          {draftProblem}
        </p>
      )}
    </fieldset>
  );
}
