import { useWording } from '@/i18n/audience.tsx';

/**
 * The body map's frame while its drawing loads: the same title, captions and boxes,
 * so that nothing below it moves when the map arrives (a list that jumps under a
 * finger gets the wrong box ticked).
 */
export function BodyMapPlaceholder() {
  const { t } = useWording('questions');
  return (
    <div className="body-map" aria-hidden="true" data-body-map-placeholder>
      <p className="body-map__title">{t('locations.mapTitle')}</p>
      <div className="body-map__views">
        {(['front', 'back'] as const).map((view) => (
          <div key={view} className="body-map__view">
            <p className="body-map__caption">{t(`locations.${view}`)}</p>
            {/* The drawing's 100 × 190 box (body-map-regions.ts VIEW_BOX). */}
            <svg className="body-map__figure" viewBox="0 0 100 190" focusable="false" />
          </div>
        ))}
      </div>
    </div>
  );
}
