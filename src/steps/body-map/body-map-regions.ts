import type { Location } from '@/triage/catalogue.ts';

/**
 * The body map's drawing: a neutral outline from the waist to below the knees, seen
 * from the front and from the back, and the tappable region of each location id.
 * Coordinates are in a 100 × 190 box; x grows to the viewer's right whatever the
 * page direction, so the figure never mirrors in right-to-left languages. Ids have
 * no side, so each region is drawn on both legs.
 *
 * Regions come in the checkbox list's order, which is also their tab order.
 *
 * Sizes: the map is at least 136 CSS px wide per view at a 320 px viewport, so 1 unit
 * ≥ 1.36 px; every shape holds a square of 18 units or more (≥ 24 × 24 px, WCAG 2.2
 * target size), and neighbours keep a gap of 2 units so a focus ring stays visible.
 */
export const VIEW_BOX = '0 0 100 190';

type Point = readonly [number, number];
export interface RegionShape {
  points: readonly Point[];
  /** Where the check mark of a selected region goes. */
  tick: Point;
}
export interface MapRegion {
  id: Location;
  shapes: readonly RegionShape[];
}
export type MapViewId = 'front' | 'back';
export interface MapView {
  id: MapViewId;
  regions: readonly MapRegion[];
  /** Thin lines that tell front from back (kneecaps; spine and buttock folds). */
  details: readonly string[];
}

const mirror = ([x, y]: Point): Point => [100 - x, y];
const centred = (points: Point[], tick: Point): RegionShape[] => [{ points, tick }];
const bothSides = (points: Point[], tick: Point): RegionShape[] => [
  { points, tick },
  { points: points.map(mirror), tick: mirror(tick) },
];

/** A smooth open curve through the midpoints of a polyline, ending on its last point. */
function curve(points: readonly Point[], start: 'M' | 'L' = 'M'): string {
  const [first, ...rest] = points;
  const mid = (a: Point, b: Point) => `${(a[0] + b[0]) / 2} ${(a[1] + b[1]) / 2}`;
  const bends = rest.slice(0, -1).map((p, i) => `Q ${p[0]} ${p[1]} ${mid(p, rest[i + 1]!)}`);
  const last = rest[rest.length - 1]!;
  return `${start} ${first![0]} ${first![1]} ${bends.join(' ')} L ${last[0]} ${last[1]}`;
}

// The viewer's left half of the figure; the right half is its mirror image.
const OUTER: Point[] = [
  [32, 0],
  [31, 12],
  [31, 24],
  [27, 36],
  [20, 48],
  [16, 60],
  [16, 74],
  [18, 92],
  [21, 112],
  [24, 130],
  [25, 144],
  [25, 156],
  [27, 172],
  [29, 190],
];
const INNER: Point[] = [
  [46, 190],
  [46, 172],
  [47, 156],
  [48, 140],
  [49, 120],
  [49.5, 102],
  [50, 90],
];
const INNER_BOTH: Point[] = [...INNER, ...INNER.slice(0, -1).reverse().map(mirror)];
const OUTER_RIGHT: Point[] = OUTER.map(mirror).reverse();

/** The filled body shape, and the contour lines drawn over it (no line across the cut ends). */
export const SILHOUETTE = `${curve(OUTER)} ${curve(INNER_BOTH, 'L')} ${curve(OUTER_RIGHT, 'L')} Z`;
export const CONTOURS = [curve(OUTER), curve(INNER_BOTH), curve(OUTER_RIGHT)];

const outerHip = bothSides(
  [
    [4, 50],
    [24, 50],
    [24, 92],
    [6, 92],
  ],
  [14, 71],
);
const thigh = bothSides(
  [
    [18, 102],
    [48, 102],
    [48, 136],
    [22, 136],
  ],
  [34, 119],
);
const knee = bothSides(
  [
    [21, 140],
    [48, 140],
    [48, 168],
    [23, 168],
  ],
  [35, 154],
);

export const MAP_VIEWS: readonly MapView[] = [
  {
    id: 'front',
    regions: [
      {
        id: 'groin',
        shapes: bothSides(
          [
            [26, 54],
            [36, 54],
            [36, 74],
            [48, 79],
            [48, 98],
            [26, 98],
          ],
          [37, 88],
        ),
      },
      { id: 'outer-hip', shapes: outerHip },
      { id: 'thigh', shapes: thigh },
      { id: 'knee', shapes: knee },
      {
        id: 'pubic',
        shapes: centred(
          [
            [38, 50],
            [62, 50],
            [62, 71],
            [50, 74.5],
            [38, 71],
          ],
          [50, 61],
        ),
      },
    ],
    details: ['M 31 150 a 5 6 0 1 0 10 0 a 5 6 0 1 0 -10 0', 'M 59 150 a 5 6 0 1 0 10 0 a 5 6 0 1 0 -10 0'],
  },
  {
    id: 'back',
    regions: [
      {
        id: 'buttock',
        shapes: bothSides(
          [
            [26, 48],
            [48.5, 48],
            [48.5, 96],
            [26, 96],
          ],
          [37, 72],
        ),
      },
      {
        id: 'lower-back',
        shapes: centred(
          [
            [30, 6],
            [70, 6],
            [71, 42],
            [29, 42],
          ],
          [50, 24],
        ),
      },
      { id: 'outer-hip', shapes: outerHip },
      { id: 'thigh', shapes: thigh },
      { id: 'knee', shapes: knee },
    ],
    details: [
      'M 50 0 L 50 40',
      'M 50 62 L 50 88',
      'M 24 94 Q 36 99 48 95',
      'M 76 94 Q 64 99 52 95',
      'M 30 156 Q 36 158 43 156',
      'M 70 156 Q 64 158 57 156',
    ],
  },
];

/** A shape's outline: its polygon with the corners rounded off (by up to 3 units). */
export function outlineOf({ points }: RegionShape, radius = 3): string {
  const at = (p: Point) => `${+p[0].toFixed(2)} ${+p[1].toFixed(2)}`;
  const toward = (from: Point, to: Point): Point => {
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    const k = Math.min(radius, length / 2) / length;
    return [from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k];
  };
  const corners = points.map((p, i) => {
    const before = points[(i + points.length - 1) % points.length]!;
    const after = points[(i + 1) % points.length]!;
    return `${i === 0 ? 'M' : 'L'} ${at(toward(p, before))} Q ${at(p)} ${at(toward(p, after))}`;
  });
  return `${corners.join(' ')} Z`;
}
