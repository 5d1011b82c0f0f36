/** `/data/actors.json`: every actor with its mentions, events and relations. */
import type { APIRoute } from 'astro';
import { urlOf, validatedJson } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { actorsExportSchema, buildActorsExport } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) =>
  validatedJson(actorsExportSchema, buildActorsExport(await loadSite(), urlOf(site)), 'data/actors.json');
