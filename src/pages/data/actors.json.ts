/** `/data/actors.json`: every actor with its mentions, events and relations. */
import type { APIRoute } from 'astro';
import { jsonResponse, urlOf } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildActorsExport } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(buildActorsExport(await loadSite(), urlOf(site)));
