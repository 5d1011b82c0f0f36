/** `/data/index.json`: what is exported and where. */
import type { APIRoute } from 'astro';
import { jsonResponse, urlOf } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildIndexExport } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(buildIndexExport(await loadSite(), urlOf(site)));
