/**
 * Reduced versions of the full site, built only by `npm run bench -- --breakdown`
 * to show where the build ratio goes. They are not the target: the target is
 * the whole site against the plain one.
 *
 *   without-search-images  the full site without its two background jobs: the
 *                          Pagefind index and the preview images;
 *   core                   that, and without the pages that repeat what the
 *                          article pages already show (the lists of mentions,
 *                          the per-actor timelines, the per-article JSON exports
 *                          and the home page's later pages).
 *
 * `full-site.config.mjs` applies the variant named by BENCH_VARIANT.
 */
import type { AstroIntegration, AstroPrerenderer, AstroUserConfig } from 'astro';
import { passThrough } from '../../src/integrations/prerenderer.ts';

export const VARIANTS = ['without-search-images', 'core'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The integrations each variant leaves out, by name. */
export const BACKGROUND_INTEGRATIONS = ['backstory:pagefind', 'backstory:preview-images'] as const;

/** The routes (Astro route patterns) that `core` does not render. */
export const SECONDARY_ROUTES = [
  '/actors/[id]/mentions/[n]',
  '/places/[id]/mentions/[n]',
  '/timeline/actor/[id]/[...page]',
  '/data/articles/[slug].json',
  '/page/[n]',
] as const;

/** The variant BENCH_VARIANT names (unset or empty: the full site); any other value is an error. */
export function variantFromEnv(value: string | undefined): Variant | undefined {
  if (!value) return undefined;
  const variant = VARIANTS.find((name) => name === value);
  if (!variant)
    throw new Error(
      `BENCH_VARIANT=${value} is not a bench variant; use one of ${VARIANTS.join(', ')} or leave it unset`,
    );
  return variant;
}

/**
 * The routes of `skipped` that the site does not have: a renamed or removed
 * route must fail the variant's build rather than leave it measuring
 * something else. (Checked against the site's routes, not its pages: on a
 * small corpus a route such as `/page/[n]` has no page at all.)
 */
export function unknownRoutes(routes: readonly string[], skipped: readonly string[]): string[] {
  const known = new Set(routes);
  return skipped.filter((route) => !known.has(route));
}

/** A prerenderer that renders every page of `inner` except those of `skipped` routes. */
export function skippingPrerenderer(inner: AstroPrerenderer, skipped: readonly string[]): AstroPrerenderer {
  const skip = new Set(skipped);
  return {
    name: `${inner.name}+bench-skip`,
    ...passThrough(inner),
    render: inner.render.bind(inner),
    getStaticPaths: async () => (await inner.getStaticPaths()).filter((path) => !skip.has(path.route.route)),
  };
}

/** The site's integrations for `variant`: without the background jobs, and for `core` with the secondary routes skipped. */
export function variantIntegrations(
  integrations: NonNullable<AstroUserConfig['integrations']>,
  variant: Variant,
): AstroIntegration[] {
  const kept = integrations
    .flat()
    .filter(
      (integration): integration is AstroIntegration =>
        Boolean(integration) &&
        !(BACKGROUND_INTEGRATIONS as readonly string[]).includes((integration as AstroIntegration).name),
    );
  if (variant === 'without-search-images') return kept;
  return [
    ...kept,
    {
      name: 'bench:skip-secondary-routes',
      hooks: {
        'astro:routes:resolved': ({ routes }) => {
          const unknown = unknownRoutes(
            routes.map((route) => route.pattern),
            SECONDARY_ROUTES,
          );
          if (unknown.length > 0)
            throw new Error(
              `bench variant "core": the site has no route ${unknown.join(', ')}; update SECONDARY_ROUTES in scripts/bench/variants.ts`,
            );
        },
        'astro:build:start': ({ setPrerenderer }) => {
          setPrerenderer((inner) => skippingPrerenderer(inner, SECONDARY_ROUTES));
        },
      },
    },
  ];
}
