/** `/data/places.json`: every place with its mentions and the events located there. */
import type { APIRoute } from 'astro';
import { urlOf, validatedJson } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildPlacesExport, placesExportSchema } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) =>
  validatedJson(placesExportSchema, buildPlacesExport(await loadSite(), urlOf(site)), 'data/places.json');
