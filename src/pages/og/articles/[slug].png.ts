/** `/og/articles/<slug>.png`: an article's preview card (title, dek, byline, key actors). */

import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articleCard } from '../../../share/previewCards.ts';
import { articlePreview } from '../../../share/previewImage.ts';
import { previewPng } from '../../../share/previewRendering.ts';

export const getStaticPaths = (async () => {
  const [articles, actors] = await Promise.all([getCollection('articles'), getCollection('actors')]);
  return articles.map((article) => ({ params: { slug: article.id }, props: { card: articleCard(article, actors) } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await previewPng(articlePreview(props.card)), { headers: { 'Content-Type': 'image/png' } });
