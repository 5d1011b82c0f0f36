/**
 * Timeline filters, enhanced: the static filter links ("By actor") are the
 * only control. With JavaScript, `/timeline/?actor=<id>` (links from
 * elsewhere, hand-typed URLs) lands on the static view of that actor that
 * one of those links names; a query naming none leaves the page as it is.
 */
function viewFromQuery(filters: Element): string | undefined {
  const wanted = new URLSearchParams(location.search).get('actor');
  if (!wanted) return undefined;
  const link = [...filters.querySelectorAll<HTMLAnchorElement>('a[href]')].find((candidate) =>
    candidate.pathname.endsWith(`/timeline/actor/${wanted}/`),
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
