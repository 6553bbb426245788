import { useState } from 'react';
import { useWording } from '@/i18n/audience.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import { fhirFile, saveFile } from './fhir-file.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';
import type { NoteWords } from '@/fhir/service-request-note.ts';

type Status = 'idle' | 'copied' | 'copyFailed' | 'downloaded' | 'fhirSaved' | 'fhirFailed';

/**
 * Take-away actions on the result: reception copies the summary for the booking
 * system; a patient downloads it; both can print, and both can save the check as
 * FHIR for a clinic's record system. Nothing is sent anywhere.
 */
export function SummaryActions({
  summary,
  answers,
  recommendation,
}: {
  summary: string;
  answers: AnswersSoFar;
  recommendation: Recommendation;
}) {
  const { t, i18n, audience } = useWording(['outcomes']);
  const [status, setStatus] = useState<Status>('idle');
  const { emergencyNumber, maternityNumber } = useClinicSettings();
  const fhirFileName = `${t('summary.fileName')}.fhir.json`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      setStatus('copied');
    } catch {
      setStatus('copyFailed');
    }
  };
  const summaryFileName = `${t('summary.fileName')}.txt`;
  const download = () => {
    saveFile(new Blob([summary], { type: 'text/plain;charset=utf-8' }), summaryFileName);
    setStatus('downloaded');
  };
  const downloadFhir = async () => {
    try {
      // The patient's words in the page's language: what the person was told, whoever clicked.
      const words = { t: i18n.getFixedT(i18n.language) as NoteWords, emergencyNumber, maternityNumber };
      saveFile(await fhirFile(answers, recommendation, words, i18n.language), fhirFileName);
      setStatus('fhirSaved');
    } catch {
      setStatus('fhirFailed');
    }
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
        <button type="button" className="button button--secondary" data-action="download-fhir" onClick={() => void downloadFhir()}>
          {t('summary.downloadFhir')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('summary.print')}
        </button>
      </div>
      <p role="status" className="summary-actions__status">
        {status === 'copied' && t('summary.copied')}
        {status === 'copyFailed' && t('summary.copyFailed')}
        {status === 'downloaded' && t('summary.downloaded', { file: summaryFileName })}
        {status === 'fhirSaved' && t('summary.fhirSaved', { file: fhirFileName })}
        {status === 'fhirFailed' && t('summary.fhirFailed')}
      </p>
      {status === 'copyFailed' && <textarea className="summary-text" readOnly value={summary} rows={12} aria-label={t('summary.title')} />}
    </section>
  );
}
