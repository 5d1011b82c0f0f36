/** `/data/articles/<slug>.json`: one article's metadata and annotations. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { urlOf, validatedJson } from '../../../data/exports.ts';
import { loadSite } from '../../../data/site.ts';
import { articleExportSchema, buildArticleExport } from '../../../derive/exports.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.input.articles.map((article) => ({ params: { slug: article.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await loadSite();
  const article = site.input.articles.find((candidate) => candidate.slug === params.slug);
  if (!article) throw new Error(`no article ${params.slug}`);
  return validatedJson(
    articleExportSchema,
    buildArticleExport(article, site, urlOf(origin)),
    `data/articles/${article.slug}.json`,
  );
};
