/**
 * Timeline filters, enhanced: the static filter links ("By actor", "By
 * article") are the only control. With JavaScript, `/timeline/?actor=<id>`
 * or `?article=<slug>` (links from elsewhere, hand-typed URLs) lands on the
 * static view of that actor or article that one of those links names; a
 * query naming none leaves the page as it is.
 */
function viewFromQuery(filters: Element): string | undefined {
  const params = new URLSearchParams(location.search);
  const wanted = params.get('actor') ?? params.get('article');
  if (!wanted) return undefined;
  const kind = params.has('actor') ? 'actor' : 'article';
  const link = [...filters.querySelectorAll<HTMLAnchorElement>('a[href]')].find((candidate) =>
    candidate.pathname.endsWith(`/timeline/${kind}/${wanted}/`),
  );
  return link?.href;
}

for (const filters of document.querySelectorAll('nav.tl-filters')) {
  const target = viewFromQuery(filters);
  if (target) {
    location.replace(target + location.hash);
    break;
  }
}

export {};
