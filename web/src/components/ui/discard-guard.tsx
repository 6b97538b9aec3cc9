import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";

interface DiscardGuardOptions {
  /** True once the form holds input the owner would lose. */
  dirty: boolean;
  onDiscard(): void;
  title: string;
  body: string;
  keepLabel: string;
  discardLabel: string;
}

/**
 * Escape or Cancel on a filled-in form asks before throwing the input away. `requestClose` is
 * the form dialog's onClose and its Cancel button; `guard` is rendered inside the form dialog.
 */
export function useDiscardGuard({ dirty, onDiscard, title, body, keepLabel, discardLabel }: DiscardGuardOptions): { requestClose(): void; guard: ReactNode } {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onDiscard());
  const guard = asking ? (
    <ConfirmDialog open danger title={title} confirmLabel={discardLabel} cancelLabel={keepLabel} onConfirm={onDiscard} onCancel={() => setAsking(false)}>
      <p>{body}</p>
    </ConfirmDialog>
  ) : null;
  return { requestClose, guard };
}
