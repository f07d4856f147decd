import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modally while `open` is true: the store says whether it is open, the
 * browser gives it focus trapping and Escape (which closes it, so its onClose must update the
 * store).
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return dialog;
}
