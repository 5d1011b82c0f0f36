/** `/og/actors/<id>.png`: an actor's preview card (name, kind, description, who they appear with). */

import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { actorCard } from '../../../share/previewCards.ts';
import { actorPreview } from '../../../share/previewImage.ts';
import { previewPng } from '../../../share/previewRendering.ts';

export const getStaticPaths = (async () => {
  const [articles, actors] = await Promise.all([getCollection('articles'), getCollection('actors')]);
  return actors.map((actor) => ({ params: { id: actor.id }, props: { card: actorCard(actor, articles, actors) } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await previewPng(actorPreview(props.card)), { headers: { 'Content-Type': 'image/png' } });
