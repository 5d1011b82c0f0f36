/**
 * Cards and helpers shared by the card renderer's tests: the seed article
 * and actor, inputs that break naive renderers, and ways to read a display
 * list or decoded image the way a reader would look at the card.
 */
import type { ActorCard, ArticleCard, DisplayList, TextItem } from '../../../../src/share/card/index.ts';
import type { Rgba } from './decodePng.ts';

export const seedArticle: ArticleCard = {
  title: 'How Putin Was Thrown Off Course by a Furious Libyan General',
  dek: "Khalifa Haftar's walk-out from truce talks in Moscow embarrassed Vladimir Putin and showed how hard it is for Russia and Turkey to impose a peace on Libya's civil war.",
  byline: 'Bloomberg · 15 January 2020',
  actors: ['Khalifa Haftar', 'Vladimir Putin', 'Fayez al-Sarraj', 'Recep Tayyip Erdogan', 'Kirill Semyonov'],
};

export const seedActor: ActorCard = {
  name: 'Vladimir Putin',
  kind: 'Person',
  description: 'President of Russia; the Kremlin backs Khalifa Haftar through the Wagner group.',
  note: 'Mentioned in 3 articles',
  related: ['Khalifa Haftar', 'Recep Tayyip Erdoğan', 'Fayez al-Sarraj'],
};

/** Strings that have broken renderers: markup, right-to-left scripts, emoji, stacked marks, huge and empty text. */
export const HOSTILE = [
  '</script><script>alert(1)</script>',
  'مرحبا بالعالم',
  'שלום עולם',
  '🇱🇾 👍🏽 👨‍👩‍👧',
  'Z̴̢͈̈́a̷̛͔l̶g̵o e\u0301\u0302',
  '\u202eevil\u202c \u200b\u200f\ufeff',
  'W'.repeat(10_000),
  `${'Ceasefire talks collapse again '.repeat(400)}end`,
  '',
  ' \n\t ',
];

export const LONG_NAMES = [
  'Government of National Accord of the State of Libya',
  'Libyan National Army under Khalifa Haftar',
  'Wagner Group private military company',
  'United Nations Support Mission in Libya',
];

export function textRuns(list: DisplayList, role?: TextItem['role']): TextItem[] {
  return list.items.filter(
    (item): item is TextItem => item.kind === 'text' && (role === undefined || item.role === role),
  );
}

/** The text of a role's runs, in reading order, without whitespace (lines may break after a hyphen). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export function textOfRole(list: DisplayList, role: TextItem['role']): string {
  return compact(
    textRuns(list, role)
      .map((run) => run.text)
      .join(''),
  );
}

/** Non-background pixels (differing from `background` by more than a faint edge) in a box. */
export function inkIn(
  image: Rgba,
  box: { x0: number; y0: number; x1: number; y1: number },
  background: number[],
): number {
  let ink = 0;
  for (let y = Math.max(0, box.y0); y < Math.min(image.height, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x < Math.min(image.width, box.x1); x++) {
      const i = (y * image.width + x) * 4;
      const distance = [0, 1, 2].reduce(
        (sum, c) => sum + Math.abs((image.pixels[i + c] ?? 0) - (background[c] ?? 0)),
        0,
      );
      if (distance > 48) ink++;
    }
  }
  return ink;
}

export const PAPER = [0xfc, 0xfb, 0xf8];
export const WHITE = [0xff, 0xff, 0xff];
