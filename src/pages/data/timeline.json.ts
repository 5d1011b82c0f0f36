/** `/data/timeline.json`: every event of every article, in date order. */
import type { APIRoute } from 'astro';
import { jsonResponse, urlOf } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildTimelineExport } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(buildTimelineExport(await loadSite(), urlOf(site)));
