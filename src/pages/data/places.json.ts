/** `/data/places.json`: every place with its mentions and the events located there. */
import type { APIRoute } from 'astro';
import { jsonResponse, urlOf } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildPlacesExport } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(buildPlacesExport(await loadSite(), urlOf(site)));
