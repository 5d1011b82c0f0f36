/** `/og/default.png`: the preview image of pages that have none of their own. */
import type { APIRoute } from 'astro';
import { sitePreview } from '../../share/previewImage.ts';
import { previewPng } from '../../share/previewRendering.ts';

export const GET: APIRoute = async () =>
  new Response(await previewPng(sitePreview()), { headers: { 'Content-Type': 'image/png' } });
