import { useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from "react";

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** False keeps Escape from closing it (the secret dialog until the secret is stored). */
  canDismiss?: boolean;
  wide?: boolean;
}

/**
 * The native modal <dialog>: the page behind is inert, so focus stays inside. When it closes,
 * focus goes back to the control that opened it, so keyboard users keep their place.
 */
export function Dialog({ open, title, onClose, children, canDismiss = true, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect: focus is back on the opener in the same commit that removes the dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      // Dialogs opened from inside this one close first: while any is open, the page behind is inert.
      dialog.querySelectorAll("dialog").forEach((inner) => inner.open && inner.close());
      if (dialog.open) dialog.close();
      // An opener inside a dialog that has closed too (discard, then the form) has no focus to get.
      const host = opener?.closest("dialog");
      if (opener !== null && opener.isConnected && (host === null || host === undefined || host.open)) opener.focus();
    };
  }, [open]);
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    // React passes a nested dialog's cancel on to this one's handler: act on our own only.
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    if (canDismiss) onClose();
  };
  return (
    <dialog ref={ref} className={wide ? "dialog dialog-wide" : "dialog"} aria-labelledby={titleId} onCancel={cancel}>
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
