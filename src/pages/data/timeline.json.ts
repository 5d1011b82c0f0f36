/** `/data/timeline.json`: every event of every article, in date order. */
import type { APIRoute } from 'astro';
import { urlOf, validatedJson } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildTimelineExport, timelineExportSchema } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) =>
  validatedJson(timelineExportSchema, buildTimelineExport(await loadSite(), urlOf(site)), 'data/timeline.json');
