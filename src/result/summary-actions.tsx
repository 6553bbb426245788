import { useState } from 'react';
import { useWording } from '@/i18n/audience.tsx';

/**
 * Take-away actions on the result: reception copies the summary for the booking
 * system; a patient downloads it; both can print. Nothing is sent anywhere.
 */
export function SummaryActions({ summary }: { summary: string }) {
  const { t, audience } = useWording(['outcomes']);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([summary], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${t('summary.fileName')}.txt` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className="summary-actions no-print" aria-label={t('summary.title')}>
      <div className="button-group">
        {audience === 'reception' ? (
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {t('summary.copy')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={download}>
            {t('summary.download')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('summary.print')}
        </button>
      </div>
      <p role="status" className="summary-actions__status">
        {status === 'copied' && t('summary.copied')}
        {status === 'failed' && t('summary.copyFailed')}
      </p>
      {status === 'failed' && <textarea className="summary-text" readOnly value={summary} rows={12} aria-label={t('summary.title')} />}
    </section>
  );
}
