import { useEffect, useId, useRef, useState } from 'react';
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
 * Accessibility: the map is a pointer-only picture of the checkbox list below it,
 * hidden from assistive technology and out of the tab order. The list is the one
 * control per place: one tab stop and one announced checkbox each, where Space ticks
 * and Enter continues, as on every other page (issue 21). A tap on the map ticks the
 * same checkbox, and the checkbox with keyboard focus shows its place on the map with
 * the focus colour. Outer hip, thigh and knee are drawn in both views. Selection shows
 * as hatching, a solid outline and a check mark, not by colour alone.
 */
export function BodyMap({ selected, onToggle }: BodyMapProps) {
  const { t } = useWording('questions');
  const id = useId();
  const hatch = `${id}-hatch`;
  const root = useRef<HTMLDivElement>(null);
  // The place whose checkbox in the list has keyboard focus.
  const [focused, setFocused] = useState<string>();
  useEffect(() => {
    const fieldset = root.current?.closest('fieldset');
    if (!fieldset) return;
    const follow = () => {
      const box = document.activeElement;
      setFocused(box instanceof HTMLInputElement && fieldset.contains(box) && box.matches(':focus-visible') ? box.value : undefined);
    };
    fieldset.addEventListener('focusin', follow);
    fieldset.addEventListener('focusout', follow);
    return () => {
      fieldset.removeEventListener('focusin', follow);
      fieldset.removeEventListener('focusout', follow);
    };
  }, []);

  const region = (view: string, { id: location, shapes }: MapRegion) => {
    const checked = selected.includes(location);
    return (
      <g
        key={`${view}-${location}`}
        className={`body-map__region${checked ? ' body-map__region--checked' : ''}${focused === location ? ' body-map__region--focused' : ''}`}
        data-location={location}
        onClick={() => onToggle(location)}
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
    <div ref={root} className="body-map" aria-hidden="true" data-body-map>
      <p className="body-map__title">{t('locations.mapTitle')}</p>
      <div className="body-map__views">
        {MAP_VIEWS.map((view) => (
          <div key={view.id} className="body-map__view">
            <p className="body-map__caption">{t(`locations.${view.id}`)}</p>
            <svg className="body-map__figure" viewBox={VIEW_BOX} data-view={view.id} focusable="false">
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
