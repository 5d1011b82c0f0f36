/**
 * Timeline filters, enhanced: the static filter links ("By actor", "By
 * article") are the only control. The hidden select is kept as the list of
 * views, so that `/timeline/?actor=<id>`
 * or `?article=<slug>` (links from elsewhere, hand-typed URLs) lands on the
 * static view of that actor or article.
 */
function viewFromQuery(form: HTMLFormElement): string | undefined {
  const params = new URLSearchParams(location.search);
  const wanted = params.get('actor') ?? params.get('article');
  if (!wanted) return undefined;
  const kind = params.has('actor') ? 'actor' : 'article';
  const select = form.querySelector('select');
  const option = [...(select?.options ?? [])].find((candidate) =>
    candidate.value.endsWith(`/timeline/${kind}/${wanted}/`),
  );
  return option?.value;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-timeline-jump]')) {
  const target = viewFromQuery(form);
  if (target) {
    location.replace(target + location.hash);
    break;
  }
}

export {};
