import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from "react";

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
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // A dialog opened from inside another (discard-confirm) leaves focus to that one.
      if (opener !== null && opener.isConnected) opener.focus();
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
