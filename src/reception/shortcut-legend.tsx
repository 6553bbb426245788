import { useWording } from '@/i18n/audience.tsx';

/** The keys of reception mode, always in view. */
export function ShortcutLegend() {
  const { t } = useWording('reception');
  const keys: [string, string][] = [
    ['1–9', t('legend.choose')],
    ['0', t('legend.none')],
    ['Enter', t('legend.continue')],
    ['Esc', t('legend.back')],
  ];
  return (
    <section className="shortcut-legend" aria-labelledby="shortcut-legend-title">
      <h2 id="shortcut-legend-title" className="shortcut-legend__title visually-hidden">
        {t('legend.title')}
      </h2>
      <dl className="shortcut-legend__list">
        {keys.map(([key, action]) => (
          <div key={key} className="shortcut-legend__item">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
