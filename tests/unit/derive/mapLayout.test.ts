import { geoAzimuthalEqualArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { layoutMap, type MapPlace, projectionOf, projectPoint } from '../../../src/derive/mapLayout.ts';

/** The seed's places, around the Mediterranean. */
const places: MapPlace[] = [
  ['moscow', 'Moscow', 55.7558, 37.6173],
  ['berlin', 'Berlin', 52.52, 13.405],
  ['istanbul', 'Istanbul', 41.0082, 28.9784],
  ['ankara', 'Ankara', 39.9334, 32.8597],
  ['amman', 'Amman', 31.9539, 35.9106],
  ['tripoli', 'Tripoli', 32.8872, 13.1913],
  ['libya', 'Libya', 27, 17],
  ['syria', 'Syria', 35, 38],
].map(([id, name, lat, lon]) => ({
  id: String(id),
  name: String(name),
  lat: Number(lat),
  lon: Number(lon),
  events: 1,
}));

describe('layoutMap', () => {
  const map = layoutMap(places, { width: 960, height: 560, padding: 48 });

  it('puts every marker where d3-geo projects its coordinates', () => {
    const projection = geoAzimuthalEqualArea()
      .rotate(map.projection.rotate)
      .scale(map.projection.scale)
      .translate(map.projection.translate);
    expect(map.markers).toHaveLength(places.length);
    for (const marker of map.markers) {
      const [x, y] = projection([marker.lon, marker.lat]) ?? [];
      expect(marker.x, marker.id).toBeCloseTo(x ?? Number.NaN, 1);
      expect(marker.y, marker.id).toBeCloseTo(y ?? Number.NaN, 1);
      expect(projectPoint(map.projection, marker.lat, marker.lon)).toEqual([marker.x, marker.y]);
    }
  });

  it('fits the places inside the frame, inside the padding', () => {
    for (const marker of map.markers) {
      expect(marker.x).toBeGreaterThanOrEqual(47);
      expect(marker.x).toBeLessThanOrEqual(960 - 47);
      expect(marker.y).toBeGreaterThanOrEqual(47);
      expect(marker.y).toBeLessThanOrEqual(560 - 47);
    }
  });

  it('centres the projection on the places', () => {
    const [rx, ry] = map.projection.rotate;
    expect(-rx).toBeCloseTo((13.1913 + 38) / 2, 1);
    expect(-ry).toBeCloseTo((27 + 55.7558) / 2, 1);
  });

  it('keeps the drawing light: land and borders clipped to the frame, one decimal', () => {
    expect(map.land.length).toBeGreaterThan(1000);
    expect(map.land.length + map.borders.length).toBeLessThan(30_000);
    const numbers = `${map.land} ${map.borders}`.match(/-?\d+(\.\d+)?/g) ?? [];
    for (const value of numbers.slice(0, 500)) {
      expect(Number(value)).toBeGreaterThanOrEqual(-1);
      expect(Number(value)).toBeLessThanOrEqual(961);
      expect(value.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('places labels where they do not overlap each other', () => {
    const boxes = map.markers.map((marker) => {
      const width = marker.name.length * 6.8;
      const x0 =
        marker.label.anchor === 'start'
          ? marker.label.x
          : marker.label.anchor === 'end'
            ? marker.label.x - width
            : marker.label.x - width / 2;
      return { id: marker.id, x0, x1: x0 + width, y0: marker.label.y - 11, y1: marker.label.y + 3 };
    });
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
    }
  });

  it('frames a locator map on a circle around one place, which sits in the middle', () => {
    const small = layoutMap(places, {
      width: 360,
      height: 250,
      padding: 8,
      focus: { lat: 55.7558, lon: 37.6173, radius: 10 },
    });
    const moscow = small.markers.find((marker) => marker.id === 'moscow');
    expect(moscow?.x).toBeCloseTo(180, 0);
    expect(moscow?.y).toBeCloseTo(125, 0);
    // Places outside the frame are left out.
    expect(small.markers.some((marker) => marker.id === 'tripoli')).toBe(false);
    expect(projectionOf(small.projection)([37.6173, 55.7558])?.map(Math.round)).toEqual([180, 125]);
  });
});
