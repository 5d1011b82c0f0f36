/** `/data/index.json`: what is exported and where. */
import type { APIRoute } from 'astro';
import { urlOf, validatedJson } from '../../data/exports.ts';
import { loadSite } from '../../data/site.ts';
import { buildIndexExport, indexExportSchema } from '../../derive/exports.ts';

export const GET: APIRoute = async ({ site }) =>
  validatedJson(indexExportSchema, buildIndexExport(await loadSite(), urlOf(site)), 'data/index.json');
