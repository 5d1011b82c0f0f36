/**
 * Wrapping Astro's page renderer (`setPrerenderer`): what a wrapper passes
 * through unchanged.
 */
import type { AstroPrerenderer } from 'astro';

/**
 * The optional lifecycle methods of `inner`, bound to it, for a wrapper to
 * spread and override what it changes. Astro's own prerenderer is a class
 * instance, so its methods cannot simply be spread.
 */
export function passThrough(
  inner: AstroPrerenderer,
): Pick<AstroPrerenderer, 'setup' | 'collectStaticImages' | 'teardown'> {
  return {
    ...(inner.setup && { setup: inner.setup.bind(inner) }),
    ...(inner.collectStaticImages && { collectStaticImages: inner.collectStaticImages.bind(inner) }),
    ...(inner.teardown && { teardown: inner.teardown.bind(inner) }),
  };
}
