/**
 * `/manifest.webmanifest`: lets a reader install the site; start_url and
 * scope are the base path, so it works under a sub-path too.
 */
import type { APIRoute } from 'astro';
import { brand } from '../share/brand.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../share/seo.ts';
import { joinBase } from '../site/paths.ts';

export const GET: APIRoute = () => {
  const base = import.meta.env.BASE_URL;
  const icon = (file: string, size: number, purpose: 'any' | 'maskable') => ({
    src: joinBase(base, file),
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  const manifest = {
    name: SITE_NAME,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    lang: 'en',
    start_url: joinBase(base),
    scope: joinBase(base),
    display: 'minimal-ui',
    theme_color: brand.paper,
    background_color: brand.paper,
    icons: [
      icon('icon-192.png', 192, 'any'),
      icon('icon-512.png', 512, 'any'),
      icon('icon-maskable-512.png', 512, 'maskable'),
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
};
