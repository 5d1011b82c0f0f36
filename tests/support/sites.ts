/**
 * The same site at the domain root and under a sub-path, for the browser tests
 * whose behaviour depends on the base path (links, redirects, copied URLs,
 * search results): build both at the top of a test file, serve both in
 * `beforeAll`.
 *
 *     const builds = await ensureBuilds();            // [root, /backstory/]
 *     beforeAll(async () => { servers = await serveBuilds(builds); });
 *     describe.each(builds)('at $base', (build) => { … servers.get(build.base) … });
 */
import { type Build, ensureBuild } from './builds.ts';
import { type StaticServer, serveStatic } from './staticServer.ts';

/** Where an operator may put the site: the domain root, or a sub-path. */
export const BASES = ['/', '/backstory/'] as const;

/** One after the other: two `astro build`s at once on a 2-core machine only slow each other down. */
export async function ensureBuilds(bases: readonly string[] = BASES): Promise<Build[]> {
  const builds: Build[] = [];
  for (const base of bases) builds.push(await ensureBuild({ base }));
  return builds;
}

/** A static server per build (with its `_headers`), by base. Close them with `closeServers`. */
export async function serveBuilds(builds: readonly Build[]): Promise<Map<string, StaticServer>> {
  const servers = new Map<string, StaticServer>();
  for (const build of builds) servers.set(build.base, await serveStatic({ root: build.dir, base: build.base }));
  return servers;
}

export async function closeServers(servers: Map<string, StaticServer> | undefined): Promise<void> {
  await Promise.all([...(servers?.values() ?? [])].map((server) => server.close()));
}

/**
 * The public address of a page as the operator configured it (SITE_URL + base
 * path + page path): what canonical links and copied links must say, whatever
 * host the test happens to serve the files from.
 */
export function publicUrl(build: Build, path: string): string {
  return new URL(`${build.base}${path.replace(/^\//, '')}`, `${build.site}/`).href;
}
