/**
 * The Astro side of the `/data/` endpoints: absolute URLs for this build
 * (site origin + base path) and a JSON response that has been checked
 * against its published schema, so a consumer never gets a file that
 * contradicts `/data/schema/`.
 */
import type { z } from 'astro/zod';
import type { UrlOf } from '../derive/exports.ts';
import { absoluteUrl } from '../share/seo.ts';
import { siteLocation } from './location.ts';

export function urlOf(site: URL | undefined): UrlOf {
  const where = siteLocation(site);
  return (path) => absoluteUrl(where, path);
}

export function validatedJson<S extends z.ZodType>(schema: S, value: z.input<S>, name: string): Response {
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const problems = checked.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${name} does not match its export schema:\n${problems.join('\n')}`);
  }
  return new Response(JSON.stringify(checked.data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
