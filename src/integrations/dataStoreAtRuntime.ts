/**
 * A Vite plugin for `astro build`: the content data store is read from its
 * file when the prerendered pages start, instead of being bundled into them.
 *
 * Astro bundles the store (`data-store.json`) as one JavaScript string
 * literal, `export default JSON.parse("…")`. V8's time to compile a string
 * literal grows faster than its length: measured with Node 24 on this
 * project's 1,000-article benchmark, 12 MB took 1.2 s, 24 MB 5.5 s and 49 MB
 * 27 s (the whole plain build of those articles takes about 20 s). Read at run
 * time, the same JSON parses in a fraction of a second, and the bundler no
 * longer carries it either.
 *
 * Anything other than that exact module shape (a future Astro, the
 * experimental chunked storage) is left alone: the build is then only slower.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STORE_MODULE = '\0astro:data-layer-content';
const BUNDLED = 'export default JSON.parse(';

export function dataStoreAtRuntime(cacheDir: URL): Plugin {
  const storeFile = fileURLToPath(new URL('data-store.json', cacheDir));
  return {
    name: 'backstory:data-store-at-runtime',
    apply: 'build',
    transform: {
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(code, id) {
        if (id !== STORE_MODULE || !code.startsWith(BUNDLED)) return undefined;
        return {
          code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
          map: null,
        };
      },
    },
  };
}
