/**
 * The content model: what an editor may write in the frontmatter of
 * `content/articles`, `content/actors` and `content/places`.
 *
 * These zod schemas are the editors' documentation (every field carries a
 * `.describe()`), they validate the collections in `src/content.config.ts`,
 * and the same schemas run in `checkContent` before Astro renders anything,
 * so a broken file stops the build with its path, the field and the fix.
 *
 * Only plain `zod` (through `astro/zod`) is used here: this module is imported
 * by plain TypeScript (tests, scripts) as well as by Astro.
 */
import { z } from 'astro/zod';
import { isCalendarDate, isIsoWeek } from './calendar.ts';

/** Lowercase slug: `khalifa-haftar`, `un`, `russian-defense-ministry`. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a lowercase slug: letters a-z, digits and single hyphens, e.g. "khalifa-haftar"',
  );

/** Text that is shown to readers: trimmed, not empty, no control characters. */
const text = () =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: 'must not contain control characters',
    })
    .refine((s) => !/<\/?[a-z!?]/i.test(s), { message: 'must be plain text without HTML tags' })
    // Bidirectional overrides can make a title display reversed, spoofed text.
    .refine((s) => !/[\u202A-\u202E\u2066-\u2069]/.test(s), {
      message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
    });

/** An absolute http(s) URL; `javascript:` and friends are refused. */
export const webUrlSchema = z
  .string()
  .trim()
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(s);
      } catch {
        return false;
      }
    },
    { message: 'must be an absolute http(s) URL without spaces, e.g. "https://example.com/story"' },
  );

/**
 * YAML turns `2020-01-15` into a Date and `2011` into a number; editors should
 * not have to care, so both are normalised to strings before validation.
 */
const dateInput = z.preprocess((value) => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return value;
}, z.string().trim());

/** A calendar day, `YYYY-MM-DD`; Feb 30 is rejected. */
export const isoDaySchema = dateInput.refine(isCalendarDate, {
  message: 'must be a real calendar date written YYYY-MM-DD, e.g. 2020-01-15',
});

export const precisionSchema = z
  .enum(['year', 'month', 'week', 'day'])
  .describe('How precisely the text dates the event.');
export type Precision = z.infer<typeof precisionSchema>;

/** The date of an event, written at its precision. */
export const eventDateSchema = dateInput.refine(
  (s) => /^\d{4}$/.test(s) || /^\d{4}-(0[1-9]|1[0-2])$/.test(s) || isIsoWeek(s) || isCalendarDate(s),
  {
    message: 'must be a date at its precision: year "2011", month "2019-04", ISO week "2020-W02" or day "2020-01-13"',
  },
);

/** A surface form of an entity in one article's text. */
export const aliasSchema = z.union(
  [
    text(),
    z
      .object({
        text: text(),
        caseSensitive: z
          .boolean()
          .default(true)
          .describe('Match case exactly (default). Set false for common-noun phrases like "the kremlin".'),
      })
      .strict(),
  ],
  { error: 'must be a phrase from the text, or { text: "the phrase", caseSensitive: false }' },
);
export type AliasInput = z.infer<typeof aliasSchema>;

const entityRefSchema = z
  .object({
    id: slugSchema.describe('Id of the entity file, e.g. `khalifa-haftar` for content/actors/khalifa-haftar.md.'),
    aliases: z
      .array(aliasSchema)
      .min(1, 'list at least one surface form used in this article')
      .describe('Every surface form used for this entity in this text. Longest match wins when annotating.'),
    role: text().optional().describe('The role this entity plays in this article, in one line.'),
  })
  .strict();

export const eventSchema = z
  .object({
    id: slugSchema.describe('Unique within the article; used as the fragment id of the date.'),
    date: eventDateSchema.describe('The resolved date at its precision.'),
    precision: precisionSchema,
    phrase: text().describe('The exact words in the body that state the date, e.g. "on Monday", "Jan. 8".'),
    after: slugSchema
      .optional()
      .describe('For phrases counted from another event ("72 hours later"): the id of that event.'),
    summary: text().describe('What happened, in one line.'),
    actors: z.array(slugSchema).default([]).describe('Ids of the actors involved (declared in `actors`).'),
    place: slugSchema.optional().describe('Id of the place (declared in `places`).'),
  })
  .strict()
  .superRefine((event, ctx) => {
    const written = precisionOfDate(event.date);
    if (written !== event.precision) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `"${event.date}" is written at ${written ? `${written} precision` : 'no known precision'} but precision is "${event.precision}": ${precisionFix(event.date, event.precision, written)}`,
      });
    }
  });
export type ArticleEvent = z.infer<typeof eventSchema>;

const dateShapes: [Precision, RegExp][] = [
  ['year', /^\d{4}$/],
  ['month', /^\d{4}-\d{2}$/],
  ['week', /^\d{4}-W\d{2}$/],
  ['day', /^\d{4}-\d{2}-\d{2}$/],
];

/** The precision an event date is written at: "2019-04" → month. */
export function precisionOfDate(date: string): Precision | undefined {
  return dateShapes.find(([, shape]) => shape.test(date))?.[0];
}

/** Tell the editor both ways out, using their own date where it can be cut down. */
function precisionFix(date: string, precision: Precision, written: Precision | undefined): string {
  const examples: Record<Precision, string> = { year: '2011', month: '2019-04', week: '2020-W02', day: '2020-01-13' };
  const truncated = precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : undefined;
  const cutDown = written === 'day' || written === 'month' ? truncated : undefined;
  const rewrite =
    cutDown && cutDown.length < date.length ? `write "${cutDown}"` : `write it like "${examples[precision]}"`;
  return written ? `${rewrite}, or set precision to "${written}"` : rewrite;
}

export const relationKindSchema = z.enum(['backs', 'opposes', 'mediates', 'allied']);

export const relationSchema = z
  .object({
    from: slugSchema.describe('Actor id.'),
    to: slugSchema.describe('Actor id.'),
    kind: relationKindSchema,
    quote: text().describe('Words from the body that support the relation; must occur verbatim.'),
  })
  .strict();
export type Relation = z.infer<typeof relationSchema>;

export const sourceSchema = z
  .object({
    id: slugSchema.describe('Unique within the article; used as the fragment id of the source entry.'),
    kind: z.enum(['named', 'anonymous']),
    actor: slugSchema.optional().describe('For named sources: the actor id of the person quoted.'),
    label: text().describe('Who, as the text puts it: "officials familiar with the talks".'),
    quote: text().describe('The attribution as it appears in the body; must occur verbatim.'),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (source.kind === 'named' && !source.actor) {
      ctx.addIssue({
        code: 'custom',
        path: ['actor'],
        message: 'a named source needs `actor`: the id of the person quoted',
      });
    }
  });
export type Source = z.infer<typeof sourceSchema>;

export const relatedSchema = z
  .object({
    title: text(),
    url: webUrlSchema.optional(),
  })
  .strict();

export const articleSchema = z
  .object({
    title: text(),
    dek: text().describe('One-line summary shown under the title and in previews.'),
    byline: text(),
    publisher: text(),
    republishedBy: text().optional(),
    originalUrl: webUrlSchema.describe('Where the article was first published.'),
    published: isoDaySchema.describe('Publication date, YYYY-MM-DD. Relative date phrases are resolved from it.'),
    updated: isoDaySchema.optional(),
    image: z.object({ caption: text(), credit: text() }).strict().optional(),
    topics: z.array(slugSchema).default([]),
    related: z.array(relatedSchema).default([]).describe('"Related article" lines of the original.'),
    actors: z.array(entityRefSchema).default([]),
    places: z.array(entityRefSchema).default([]),
    events: z.array(eventSchema).default([]),
    relations: z.array(relationSchema).default([]),
    sources: z.array(sourceSchema).default([]),
  })
  .strict();
export type Article = z.infer<typeof articleSchema>;
export type EntityRef = z.infer<typeof entityRefSchema>;

export const actorKindSchema = z.enum(['person', 'state', 'organisation', 'group']);
export type ActorKind = z.infer<typeof actorKindSchema>;

export const actorSchema = z
  .object({
    name: text(),
    kind: actorKindSchema,
    aliases: z.array(text()).default([]).describe('Other names, for search and the index.'),
    description: text().describe('One line: who or what this is.'),
    wikidata: z
      .string()
      .regex(/^Q[1-9]\d*$/, 'must be a Wikidata item id like "Q312"')
      .optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const placeKindSchema = z.enum(['city', 'country', 'region', 'sea', 'building', 'other']);

export const placeSchema = z
  .object({
    name: text(),
    kind: placeKindSchema,
    aliases: z.array(text()).default([]),
    description: text().optional(),
    coordinates: z
      .object({
        lat: z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90'),
        lon: z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180'),
      })
      .strict(),
    wikidata: z
      .string()
      .regex(/^Q[1-9]\d*$/, 'must be a Wikidata item id like "Q649"')
      .optional(),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;
