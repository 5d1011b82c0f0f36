/**
 * The three preview cards (article, actor, site) as display lists, laid out
 * by hand for these fixed designs instead of by a flexbox engine: paper with
 * an accent rule on top, the masthead (mark, site name, byline or note), the
 * title or name in the serif, the dek or description, and chips of names
 * pinned to the bottom. Text that would not fit loses lines (the last kept
 * one ends in an ellipsis) rather than running off the card or under the chips.
 */

import { PREVIEW_IMAGE, SITE_DESCRIPTION, SITE_NAME } from '../seo.ts';
import { chipsBlock } from './chipsLayout.ts';
import type { DisplayList, Item } from './displayList.ts';
import type { CardFonts } from './fonts.ts';
import { markItems } from './markLayout.ts';
import { shorten, titleSize } from './shorten.ts';
import { type TextStyle, type Typesetter, typesetter } from './typeset.ts';

export interface ArticleCard {
  title: string;
  dek: string;
  /** The article's key actors, most important first; the first four are shown. */
  actors: readonly string[];
  /** e.g. "Bloomberg · 15 January 2020" */
  byline: string;
}

export interface ActorCard {
  name: string;
  /** "Person", "State", "Organisation", "Group". */
  kind: string;
  description: string;
  /** e.g. "Mentioned in 3 articles" */
  note?: string;
  /** Actors most often mentioned in the same articles; the first four are shown. */
  related?: readonly string[];
}

export type PreviewCard = ({ type: 'article' } & ArticleCard) | ({ type: 'actor' } & ActorCard) | { type: 'site' };

const { width: WIDTH, height: HEIGHT } = PREVIEW_IMAGE;
const BORDER_TOP = 12;
/** The content box inside the `56px 72px` padding and the top border. */
const CONTENT = { left: 72, top: BORDER_TOP + 56, right: WIDTH - 72, bottom: HEIGHT - 56 } as const;
const CONTENT_WIDTH = CONTENT.right - CONTENT.left;

const MARK_SIZE = 52;
const SITE_NAME_STYLE: TextStyle = { face: 'sans-semibold', size: 26, lineHeight: 'normal', colour: 'ink' };
const MASTHEAD_RIGHT: TextStyle = { face: 'sans', size: 26, lineHeight: 'normal', colour: 'muted' };
/** Least space between the site's name and the masthead's right-hand text. */
const MASTHEAD_GAP = 24;
/** Least space between clamped text and the chips below it (normally the gap is far larger). */
const CHIPS_GAP = 16;

function frame(items: Item[]): DisplayList {
  return {
    width: WIDTH,
    height: HEIGHT,
    background: 'paper',
    items: [
      { kind: 'box', role: 'border', x: 0, y: 0, width: WIDTH, height: BORDER_TOP, radius: 0, fill: 'accent' },
      ...items,
    ],
  };
}

/** The mark and site name on the left, `right` (byline, note) on the right, vertically centred. */
function masthead(typeset: Typesetter, right: string, role: 'byline' | 'note'): Item[] {
  const nameLeft = CONTENT.left + MARK_SIZE + 18;
  const nameWidth = Math.ceil(typeset.measure(SITE_NAME_STYLE, SITE_NAME));
  const line = typeset.lineMetrics(SITE_NAME_STYLE);
  const top = Math.round(CONTENT.top + (MARK_SIZE - line.height) / 2);
  const text = typeset.fit(MASTHEAD_RIGHT, right, CONTENT.right - nameLeft - nameWidth - MASTHEAD_GAP);
  const rightLeft = CONTENT.right - Math.ceil(typeset.measure(MASTHEAD_RIGHT, text));
  return [
    ...markItems(typeset, MARK_SIZE, CONTENT.left, CONTENT.top),
    ...typeset.runs(SITE_NAME_STYLE, [SITE_NAME], nameLeft, top, 'site-name'),
    ...typeset.runs(MASTHEAD_RIGHT, [text], rightLeft, top, role),
  ];
}

interface Block {
  style: TextStyle;
  text: string;
  marginTop: number;
  role: 'title' | 'dek' | 'kind' | 'name' | 'description';
  maxLines?: number;
}

/**
 * Blocks stacked from `top`, each below the one before it. A block gets the
 * lines that still fit above `bottom`: the first ones keep theirs, later ones
 * are clamped or dropped.
 */
function stack(typeset: Typesetter, blocks: readonly Block[], top: number, bottom: number): Item[] {
  const items: Item[] = [];
  let y = top;
  for (const block of blocks) {
    y += block.marginTop;
    const { height } = typeset.lineMetrics(block.style);
    const room = Math.max(0, Math.floor((bottom - y) / height));
    const lines = typeset.lines(block.style, block.text, CONTENT_WIDTH, Math.min(room, block.maxLines ?? room));
    items.push(...typeset.runs(block.style, lines, CONTENT.left, y, block.role));
    y += lines.length * height;
  }
  return items;
}

/** Blocks between the masthead and the chips, which sit at the bottom. */
function withChips(
  typeset: Typesetter,
  head: Item[],
  blocks: readonly Block[],
  label: string,
  names: readonly string[],
): DisplayList {
  const chips = names.length > 0 ? chipsBlock(typeset, label, names, CONTENT.left, CONTENT_WIDTH) : undefined;
  const chipsTop = CONTENT.bottom - (chips?.height ?? 0);
  const textBottom = chips ? chipsTop - CHIPS_GAP : CONTENT.bottom;
  return frame([
    ...head,
    ...stack(typeset, blocks, CONTENT.top + MARK_SIZE, textBottom),
    ...(chips?.items(chipsTop) ?? []),
  ]);
}

export function articleLayout(card: ArticleCard, fonts: CardFonts): DisplayList {
  const typeset = typesetter(fonts);
  const title = shorten(card.title, 120);
  return withChips(
    typeset,
    masthead(typeset, shorten(card.byline, 48), 'byline'),
    [
      {
        role: 'title',
        text: title,
        marginTop: 40,
        style: { face: 'serif-bold', size: titleSize(title), lineHeight: 1.12, colour: 'ink' },
      },
      {
        role: 'dek',
        text: shorten(card.dek, 170),
        marginTop: 24,
        style: { face: 'sans', size: 28, lineHeight: 1.4, colour: 'muted' },
      },
    ],
    'Who',
    card.actors.slice(0, 4),
  );
}

export function actorLayout(card: ActorCard, fonts: CardFonts): DisplayList {
  const typeset = typesetter(fonts);
  return withChips(
    typeset,
    masthead(typeset, card.note ?? '', 'note'),
    [
      {
        role: 'kind',
        text: card.kind,
        marginTop: 64,
        maxLines: 1,
        style: {
          face: 'sans-semibold',
          size: 24,
          lineHeight: 'normal',
          colour: 'accent',
          letterSpacing: 3,
          uppercase: true,
        },
      },
      {
        role: 'name',
        text: shorten(card.name, 60),
        marginTop: 12,
        style: { face: 'serif-bold', size: 76, lineHeight: 1.1, colour: 'ink' },
      },
      {
        role: 'description',
        text: shorten(card.description, 180),
        marginTop: 28,
        style: { face: 'sans', size: 32, lineHeight: 1.4, colour: 'muted' },
      },
    ],
    'Seen with',
    card.related?.slice(0, 4) ?? [],
  );
}

const SITE_MARK = 120;
const SITE_TITLE: TextStyle = { face: 'serif-bold', size: 96, lineHeight: 1, colour: 'ink' };
const SITE_TAGLINE: TextStyle = { face: 'sans', size: 36, lineHeight: 'normal', colour: 'muted' };

/** The default card: the mark, the site's name and what it does, centred vertically. */
export function siteLayout(fonts: CardFonts): DisplayList {
  const typeset = typesetter(fonts);
  const name = typeset.lineMetrics(SITE_TITLE).height;
  const tagline = typeset.lines(SITE_TAGLINE, SITE_DESCRIPTION, CONTENT_WIDTH, 3);
  const taglineHeight = tagline.length * typeset.lineMetrics(SITE_TAGLINE).height;
  const column = SITE_MARK + 40 + name + 24 + taglineHeight;
  const top = Math.round(CONTENT.top + (CONTENT.bottom - CONTENT.top - column) / 2);
  return frame([
    ...markItems(typeset, SITE_MARK, CONTENT.left, top),
    ...typeset.runs(SITE_TITLE, [SITE_NAME], CONTENT.left, top + SITE_MARK + 40, 'site-name'),
    ...typeset.runs(SITE_TAGLINE, tagline, CONTENT.left, top + SITE_MARK + 40 + name + 24, 'tagline'),
  ]);
}

export function cardLayout(card: PreviewCard, fonts: CardFonts): DisplayList {
  if (card.type === 'article') return articleLayout(card, fonts);
  if (card.type === 'actor') return actorLayout(card, fonts);
  return siteLayout(fonts);
}
