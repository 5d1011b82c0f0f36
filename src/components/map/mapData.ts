/**
 * The places as the maps need them, and how far a place page's locator map
 * reaches around its place (a city needs less room than a region).
 */
import type { PlaceEntry } from '../../derive/entityIndex.ts';
import type { MapPlace } from '../../derive/mapLayout.ts';

export function mapPlaces(places: readonly PlaceEntry[]): MapPlace[] {
  return places.map((place) => ({
    id: place.id,
    name: place.name,
    lat: place.coordinates.lat,
    lon: place.coordinates.lon,
    events: place.events.length,
  }));
}

const reach: Record<string, number> = { city: 10, building: 5, country: 13, region: 16, sea: 16 };

/** Radius, in degrees of arc, of the locator map around a place of this kind. */
export function locatorRadius(kind: string): number {
  return reach[kind] ?? 9;
}

export function eventNote(count: number): string {
  return count === 0 ? 'no dated events' : `${count} ${count === 1 ? 'event' : 'events'}`;
}
