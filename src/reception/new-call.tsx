import { useEffect, useRef } from 'react';
import { useWording } from '@/i18n/audience.tsx';

/**
 * "New call" clears every answer and all saved state. While a call is under way it
 * asks first, in a modal dialog (focus moves into it; Escape cancels).
 */
export function NewCallDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useWording('reception');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-call-title" aria-describedby="new-call-body" onCancel={onCancel}>
      <h2 id="new-call-title" className="heading-m">
        {t('newCall.confirmTitle')}
      </h2>
      <p id="new-call-body">{t('newCall.confirmBody')}</p>
      <div className="button-group">
        <button type="button" className="button button--warning" onClick={onConfirm}>
          {t('newCall.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
          {t('newCall.cancel')}
        </button>
      </div>
    </dialog>
  );
}
