/**
 * The search page, enhanced: runs the query of `?q=` (and each new one) with
 * Pagefind's own small API (`<base>pagefind/pagefind.js`, loaded on demand),
 * and lists the results. Excerpts are rebuilt as text plus `<mark>` only, so
 * nothing from the index is ever inserted as HTML.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
const root = document.querySelector<HTMLElement>('[data-search]');

if (root) {
  const base = root.dataset.base ?? '/';
  const bundle = root.dataset.pagefind ?? `${base}pagefind/pagefind.js`;
  const form = root.querySelector<HTMLFormElement>('form[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const results = root.querySelector<HTMLElement>('[data-search-results]');
  const fallback = root.querySelector<HTMLElement>('[data-search-fallback]');
  let loading: Promise<Pagefind> | undefined;
  let latest = 0;

  const load = () => {
    loading ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (pagefind) => {
      // Articles are long: weigh page length less than Pagefind's default (0.75) so they are not
      // outranked by the short entity pages that summarise them.
      await pagefind.options({ baseUrl: base, excerptLength: 30, ranking: { pageLength: 0.3 } });
      await pagefind.init();
      return pagefind;
    });
    return loading;
  };

  const typeOf = (data: PagefindResultData) => {
    const declared = data.filters?.type?.[0];
    if (declared) return declared;
    const path = new URL(data.url, location.href).pathname.slice(base.length);
    if (path.startsWith('articles/')) return 'Article';
    if (path.startsWith('actors/')) return 'Actor';
    if (path.startsWith('places/')) return 'Place';
    return 'Page';
  };

  /** Text and <mark> only, whatever the excerpt contains. */
  const excerptNodes = (html: string): Node[] => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
    const out: Node[] = [];
    for (const node of parsed?.childNodes ?? []) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent ?? ''));
      }
    }
    return out;
  };

  const render = (term: string, found: PagefindResultData[], total: number) => {
    if (!results || !status) return;
    results.replaceChildren();
    status.textContent =
      total === 0
        ? `Nothing found for “${term}”.`
        : `${total} ${total === 1 ? 'result' : 'results'} for “${term}”${total > found.length ? `, the first ${found.length} shown` : ''}.`;
    if (found.length === 0) return;
    const list = document.createElement('ol');
    list.className = 'search-results';
    for (const data of found) {
      const item = document.createElement('li');
      item.className = 'search-result';
      const type = document.createElement('p');
      type.className = 'search-result__type';
      type.textContent = [typeOf(data), data.meta.kind].filter(Boolean).join(' · ');
      const title = document.createElement('h2');
      title.className = 'search-result__title';
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title ?? data.url;
      title.append(link);
      const excerpt = document.createElement('p');
      excerpt.className = 'search-result__excerpt';
      excerpt.append(...excerptNodes(data.excerpt));
      item.append(type, title, excerpt);
      list.append(item);
    }
    results.append(list);
  };

  const run = async (term: string) => {
    const query = term.trim();
    const ticket = ++latest;
    if (!status) return;
    if (query === '') {
      status.textContent = '';
      results?.replaceChildren();
      return;
    }
    status.textContent = `Searching for “${query}”…`;
    try {
      const pagefind = await load();
      const search = await pagefind.search(query);
      const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      if (ticket === latest) render(query, found, search.results.length);
    } catch {
      if (ticket !== latest) return;
      status.textContent = 'Search is not available right now. Browse the indexes below instead.';
      if (fallback) fallback.hidden = false;
    }
  };

  if (fallback) fallback.hidden = true;
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = initial;
  if (initial) void run(initial);

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const term = input?.value ?? '';
    const url = new URL(location.href);
    if (term.trim()) url.searchParams.set('q', term.trim());
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    void run(term);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 250);
  });
}

export {};
