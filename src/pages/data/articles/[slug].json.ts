/** `/data/articles/<slug>.json`: one article's metadata and annotations. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonResponse, urlOf } from '../../../data/exports.ts';
import { loadSite } from '../../../data/site.ts';
import { buildArticleExport } from '../../../derive/exports.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.input.articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { article }, site: origin }) =>
  jsonResponse(buildArticleExport(article, await loadSite(), urlOf(origin)));
