/** `/data/schema/<name>.json`: the JSON Schema of each export, generated from its zod schema. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { urlOf } from '../../../data/exports.ts';
import { dataRoutes, exportJsonSchema, exportSchemas, type SchemaName } from '../../../derive/exports.ts';

export const getStaticPaths = (() =>
  (Object.keys(exportSchemas) as SchemaName[]).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const name = params.name as SchemaName;
  const schema = exportJsonSchema(name, urlOf(site)(dataRoutes.schema(name)));
  return new Response(JSON.stringify(schema, null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
