import { useId, type KeyboardEvent } from 'react';
import { useWording } from '@/i18n/audience.tsx';
import type { Location } from '@/triage/catalogue.ts';
import { CONTOURS, MAP_VIEWS, SILHOUETTE, VIEW_BOX, outlineOf, type MapRegion } from './body-map-regions.ts';

interface BodyMapProps {
  /** The location ids ticked in the checkbox list, which stays the source of truth. */
  selected: readonly string[];
  onToggle: (id: Location) => void;
}

/**
 * A front and a back figure on which tapping a region toggles that location.
 *
 * Accessibility: each location is one focusable, named `role="checkbox"` in the map
 * (the issue asks for keyboard access, visible focus and names), in the view where it
 * first appears. Outer hip, thigh and knee are drawn in both views; their copy in the
 * back view is a pointer-only mirror, hidden from assistive technology and out of the
 * tab order, so nobody meets the same checkbox twice in the map. The checkbox list
 * below remains the full, native way to answer. Selection shows as hatching, a solid
 * outline and a check mark, not by colour alone.
 */
export function BodyMap({ selected, onToggle }: BodyMapProps) {
  const { t } = useWording('questions');
  const id = useId();
  const hatch = `${id}-hatch`;
  const seen = new Set<Location>();

  const region = (view: string, { id: location, shapes }: MapRegion) => {
    const checked = selected.includes(location);
    const accessible = !seen.has(location);
    seen.add(location);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      // Also keeps Space from scrolling and Enter from submitting (reception mode).
      event.preventDefault();
      onToggle(location);
    };
    const semantics = accessible
      ? { role: 'checkbox', 'aria-checked': checked, 'aria-label': t(`locations.options.${location}.label`), tabIndex: 0, onKeyDown }
      : { 'aria-hidden': true };
    return (
      <g
        key={`${view}-${location}`}
        className={`body-map__region${checked ? ' body-map__region--checked' : ''}`}
        data-location={location}
        onClick={() => onToggle(location)}
        {...semantics}
      >
        {shapes.map((shape, index) => (
          <g key={index}>
            <path className="body-map__halo" d={outlineOf(shape)} />
            <path className="body-map__shape" d={outlineOf(shape)} fill={checked ? `url(#${hatch})` : undefined} />
            {checked && (
              <g className="body-map__tick" transform={`translate(${shape.tick[0]} ${shape.tick[1]})`}>
                <circle r="6.5" />
                <path d="M -3.5 0.2 L -1 2.8 L 3.6 -2.6" />
              </g>
            )}
          </g>
        ))}
      </g>
    );
  };

  return (
    <div className="body-map" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="body-map__title">
        {t('locations.mapTitle')}
      </p>
      <div className="body-map__views">
        {MAP_VIEWS.map((view) => (
          <div key={view.id} className="body-map__view">
            <p id={`${id}-${view.id}`} className="body-map__caption">
              {t(`locations.${view.id}`)}
            </p>
            <svg className="body-map__figure" viewBox={VIEW_BOX} role="group" aria-labelledby={`${id}-${view.id}`} focusable="false">
              {view.id === 'front' && (
                <defs>
                  <pattern
                    id={hatch}
                    className="body-map__hatch"
                    width="6"
                    height="6"
                    patternUnits="userSpaceOnUse"
                    patternTransform="rotate(45)"
                  >
                    <rect width="6" height="6" />
                    <line x1="1.5" y1="0" x2="1.5" y2="6" />
                  </pattern>
                </defs>
              )}
              <path className="body-map__body" d={SILHOUETTE} />
              {CONTOURS.map((d) => (
                <path key={d} className="body-map__contour" d={d} />
              ))}
              {view.details.map((d) => (
                <path key={d} className="body-map__detail" d={d} />
              ))}
              {view.regions.map((r) => region(view.id, r))}
            </svg>
          </div>
        ))}
      </div>
    </div>
  );
}
