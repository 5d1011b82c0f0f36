/**
 * Maps drawn at build time: land and borders from the bundled Natural Earth
 * 1:110m data (world-atlas), projected with d3-geo to fit the places in view,
 * clipped to the frame and written as two SVG paths. No tiles, no requests.
 *
 * The projection is an azimuthal equal-area one centred on the places shown:
 * areas stay comparable (Libya next to Turkey) and the distortion is least
 * where the markers are. Its parameters go into the page (`data-projection`)
 * so anyone can check that a marker sits where its coordinates say.
 */
import { type GeoPermissibleObjects, type GeoProjection, geoAzimuthalEqualArea, geoCircle, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

/** Everything needed to rebuild the projection with d3-geo. */
export interface ProjectionSpec {
  type: 'azimuthalEqualArea';
  /** `projection.rotate()`: minus the centre's longitude and latitude. */
  rotate: [number, number];
  scale: number;
  translate: [number, number];
}

export interface MapPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Events located there; sets the marker's size. */
  events: number;
}

export interface MapMarker extends MapPlace {
  x: number;
  y: number;
  r: number;
  label: { x: number; y: number; anchor: 'start' | 'end' | 'middle' };
}

export interface MapLayout {
  width: number;
  height: number;
  projection: ProjectionSpec;
  /** SVG path data of the land, clipped to the frame. */
  land: string;
  /** SVG path data of the borders between countries, clipped to the frame. */
  borders: string;
  /** Markers in drawing order (largest first, so small ones stay on top and clickable). */
  markers: MapMarker[];
}

export interface MapOptions {
  width: number;
  height: number;
  /** Room kept around the places for labels. */
  padding: number;
  /**
   * Frame the map on a circle around a point instead of on all the places
   * (a place page's locator map): radius in degrees of arc.
   */
  focus?: { lat: number; lon: number; radius: number } | undefined;
}

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
let world: { land: GeoPermissibleObjects; borders: GeoPermissibleObjects } | undefined;

/** Land and borders as GeoJSON, converted once per build. */
function worldShapes() {
  world ??= {
    land: feature(topology, topology.objects.land),
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
  return world;
}

export function projectionOf(spec: ProjectionSpec): GeoProjection {
  return geoAzimuthalEqualArea().rotate(spec.rotate).scale(spec.scale).translate(spec.translate);
}

/** A marker's position: the projection of its coordinates, to 0.1 unit. */
export function projectPoint(spec: ProjectionSpec, lat: number, lon: number): [number, number] {
  const [x, y] = projectionOf(spec)([lon, lat]) ?? [Number.NaN, Number.NaN];
  return [round(x), round(y)];
}

export function layoutMap(places: readonly MapPlace[], options: MapOptions): MapLayout {
  const { width, height, padding } = options;
  const spec = fitProjection(places, options);
  const projection = projectionOf(spec).clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(1);
  const shapes = worldShapes();

  const markers = places
    .map((place): MapMarker => {
      const [x, y] = projectPoint(spec, place.lat, place.lon);
      const r = round(4 + Math.min(6, 1.6 * Math.sqrt(place.events)));
      return { ...place, x, y, r, label: { x, y, anchor: 'start' } };
    })
    .filter((marker) => marker.x >= 0 && marker.x <= width && marker.y >= 0 && marker.y <= height)
    .sort((a, b) => b.r - a.r || a.name.localeCompare(b.name));
  placeLabels(markers, width, height, padding);

  return {
    width,
    height,
    projection: spec,
    land: path(shapes.land) ?? '',
    borders: path(shapes.borders) ?? '',
    markers,
  };
}

function fitProjection(places: readonly MapPlace[], options: MapOptions): ProjectionSpec {
  const { width, height, padding, focus } = options;
  const lons = places.map((place) => place.lon);
  const lats = places.map((place) => place.lat);
  const centre = focus ?? {
    lon: lons.length > 0 ? (Math.min(...lons) + Math.max(...lons)) / 2 : 20,
    lat: lats.length > 0 ? (Math.min(...lats) + Math.max(...lats)) / 2 : 35,
    radius: 0,
  };
  const projection = geoAzimuthalEqualArea().rotate([-centre.lon, -centre.lat]);
  const frame: GeoPermissibleObjects =
    focus || places.length < 2
      ? geoCircle()
          .center([centre.lon, centre.lat])
          .radius(focus?.radius ?? 8)()
      : { type: 'MultiPoint', coordinates: places.map((place) => [place.lon, place.lat]) };
  projection.fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    frame,
  );
  const [tx, ty] = projection.translate();
  const [rx, ry] = projection.rotate();
  return {
    type: 'azimuthalEqualArea',
    rotate: [round(rx, 4), round(ry, 4)],
    scale: round(projection.scale(), 2),
    translate: [round(tx, 2), round(ty, 2)],
  };
}

const CHAR_WIDTH = 6.8;
const LABEL_HEIGHT = 14;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Put each name where it overlaps no marker and no name placed before it:
 * right, left, above, below or diagonally, the first spot that is free.
 */
function placeLabels(markers: MapMarker[], width: number, height: number, padding: number): void {
  const taken: Box[] = markers.map(({ x, y, r }) => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r }));
  for (const marker of markers) {
    const w = marker.name.length * CHAR_WIDTH;
    const gap = marker.r + 3;
    const candidates: MapMarker['label'][] = [
      { x: marker.x + gap, y: marker.y + 4, anchor: 'start' },
      { x: marker.x - gap, y: marker.y + 4, anchor: 'end' },
      { x: marker.x, y: marker.y - gap - 3, anchor: 'middle' },
      { x: marker.x, y: marker.y + gap + 11, anchor: 'middle' },
      { x: marker.x + gap - 2, y: marker.y - gap - 1, anchor: 'start' },
      { x: marker.x + gap - 2, y: marker.y + gap + 9, anchor: 'start' },
      { x: marker.x - gap + 2, y: marker.y - gap - 1, anchor: 'end' },
      { x: marker.x - gap + 2, y: marker.y + gap + 9, anchor: 'end' },
    ];
    const boxOf = (label: MapMarker['label']): Box => {
      const x0 = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
      return { x0, y0: label.y - LABEL_HEIGHT + 3, x1: x0 + w, y1: label.y + 3 };
    };
    const fits = (box: Box) =>
      box.x0 >= 2 &&
      box.x1 <= width - 2 &&
      box.y0 >= 2 &&
      box.y1 <= height - 2 &&
      !taken.some((other) => box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1);
    const chosen = candidates.find((label) => fits(boxOf(label))) ?? candidates[marker.x > width - padding ? 1 : 0];
    if (!chosen) continue;
    marker.label = { x: round(chosen.x), y: round(chosen.y), anchor: chosen.anchor };
    taken.push(boxOf(chosen));
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
