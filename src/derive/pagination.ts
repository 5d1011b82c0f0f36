/**
 * Long lists split into static pages, so that no page grows with the size of
 * the whole site: the timeline (`timeline/`, `timeline/page/2/`, …) and the
 * mentions of an entity (`actors/<id>/`, `actors/<id>/mentions/2/`, …).
 */

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  items: T[];
}

/** `items` in pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  const pages: ListPage<T>[] = [];
  for (let start = 0; start < items.length; start += size) {
    pages.push({ number: pages.length + 1, items: items.slice(start, start + size) });
  }
  return pages.length > 0 ? pages : [{ number: 1, items: [] }];
}

/**
 * Runs of items that belong together (one article's mentions) in pages of
 * about `budget` items, never splitting a run: a run longer than the budget
 * gets a page of its own.
 */
export function paginateRuns<T>(items: readonly T[], runOf: (item: T) => string, budget: number): ListPage<T>[] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last?.[0] !== undefined && runOf(last[0]) === runOf(item)) last.push(item);
    else runs.push([item]);
  }
  const pages: ListPage<T>[] = [];
  let current: T[] = [];
  for (const run of runs) {
    if (current.length > 0 && current.length + run.length > budget) {
      pages.push({ number: pages.length + 1, items: current });
      current = [];
    }
    current = current.concat(run);
  }
  if (current.length > 0 || pages.length === 0) pages.push({ number: pages.length + 1, items: current });
  return pages;
}

/** Site path of page `number` of a list whose first page is `first` (`timeline/` → `timeline/page/2/`). */
export function pagedPath(first: string, number: number, segment = 'page'): string {
  return number <= 1 ? first : `${first}${segment}/${number}/`;
}

/**
 * Route parameters of a paged view for a `[...page]` route: the first page at
 * the view's own path (`page` undefined), the others at `page/<n>/`.
 */
export function pageParams(count: number): { params: { page: string | undefined } }[] {
  return Array.from({ length: Math.max(1, count) }, (_, index) => ({
    params: { page: index === 0 ? undefined : `page/${index + 1}` },
  }));
}

export function pageNumber(param: string | undefined): number {
  const match = /^page\/(\d+)$/.exec(param ?? '');
  return match ? Number(match[1]) : 1;
}
