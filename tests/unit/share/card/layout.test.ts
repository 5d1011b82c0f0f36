import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorLayout,
  articleLayout,
  type BoxItem,
  type CardFonts,
  type DisplayList,
  loadCardFonts,
  siteLayout,
} from '../../../../src/share/card/index.ts';
import { measureText } from '../../../../src/share/card/shape.ts';
import { compact, HOSTILE, LONG_NAMES, seedActor, seedArticle, textOfRole, textRuns } from './cards.ts';

let fonts: CardFonts;
beforeAll(async () => {
  fonts = await loadCardFonts();
});

/** Where a text run's glyphs can reach: from its baseline up by the size, down by a third of it. */
function extent(list: DisplayList, role: Parameters<typeof textRuns>[1]) {
  const runs = textRuns(list, role);
  return {
    top: Math.min(...runs.map((run) => run.y - run.size)),
    bottom: Math.max(...runs.map((run) => run.y + run.size / 3)),
    right: Math.max(...runs.map((run) => run.x + measureText(fonts, run.face, run.size, run.text, run.letterSpacing))),
  };
}

function chipBoxes(list: DisplayList): BoxItem[] {
  return list.items.filter((item): item is BoxItem => item.kind === 'box' && item.role === 'chip');
}

describe('the article card layout', () => {
  it('shows the title, dek, byline and the first four actors, and nothing else', () => {
    const list = articleLayout(seedArticle, fonts);
    expect(textOfRole(list, 'title')).toBe(compact(seedArticle.title));
    expect(textOfRole(list, 'dek')).toBe(compact(seedArticle.dek));
    expect(textOfRole(list, 'byline')).toBe(compact(seedArticle.byline));
    expect(textOfRole(list, 'label')).toBe('WHO');
    const chips = textRuns(list, 'chip');
    expect(chipBoxes(list)).toHaveLength(4);
    expect(compact(chips.map((run) => run.text).join(''))).toBe(compact(seedArticle.actors.slice(0, 4).join('')));
    expect(chips.some((run) => run.text.includes('Semyonov'))).toBe(false);
  });

  it('sets shorter titles in bigger type', () => {
    const size = (title: string) => textRuns(articleLayout({ ...seedArticle, title }, fonts), 'title')[0]?.size;
    expect(size('Putin and Haftar')).toBe(68);
    expect(size(seedArticle.title)).toBe(58);
    expect(size(`${seedArticle.title} as Turkey sends troops`)).toBe(48);
  });

  it('pins the chips to the bottom of the content area and wraps them within it', () => {
    for (const actors of [seedArticle.actors, LONG_NAMES]) {
      const boxes = chipBoxes(articleLayout({ ...seedArticle, actors }, fonts));
      expect(Math.max(...boxes.map((box) => box.y + box.height))).toBe(630 - 56);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(72);
        expect(box.x + box.width).toBeLessThanOrEqual(1200 - 72);
      }
    }
    const rows = new Set(chipBoxes(articleLayout({ ...seedArticle, actors: LONG_NAMES }, fonts)).map((box) => box.y));
    expect(rows.size).toBe(2);
  });

  it('clamps a title and dek too long for the card with an ellipsis, above the chips', () => {
    const list = articleLayout(
      {
        title: 'Wide Words Wreck Wrapping '.repeat(8),
        dek: 'Ceasefire talks collapse again as the eastern commander walks out and the oil ports stay shut. '.repeat(
          3,
        ),
        byline: 'Reuters · 1 March 2020',
        actors: LONG_NAMES,
      },
      fonts,
    );
    const dek = textRuns(list, 'dek');
    expect(dek.at(-1)?.text.endsWith('…')).toBe(true);
    const chipsTop = Math.min(...chipBoxes(list).map((box) => box.y));
    for (const role of ['title', 'dek'] as const) {
      const { bottom, right } = extent(list, role);
      expect(bottom).toBeLessThan(chipsTop);
      expect(right).toBeLessThanOrEqual(1200 - 72);
    }
    expect(extent(list, 'title').bottom).toBeLessThan(extent(list, 'dek').top);
  });

  it('keeps the byline clear of the site name', () => {
    const list = articleLayout({ ...seedArticle, byline: 'W'.repeat(48) }, fonts);
    const [byline] = textRuns(list, 'byline');
    const siteName = extent(list, 'site-name');
    expect(byline?.text.endsWith('…')).toBe(true);
    expect(byline?.x).toBeGreaterThan(siteName.right);
  });
});

describe('the actor and site card layouts', () => {
  it('shows the kind as an accent label, the name, the description and who the actor is seen with', () => {
    const list = actorLayout(seedActor, fonts);
    const [kind] = textRuns(list, 'kind');
    expect(kind).toMatchObject({ text: 'PERSON', colour: 'accent', letterSpacing: 3, face: 'sans-semibold' });
    expect(textOfRole(list, 'name')).toBe(compact(seedActor.name));
    expect(textOfRole(list, 'description')).toBe(compact(seedActor.description));
    expect(textOfRole(list, 'note')).toBe(compact(seedActor.note ?? ''));
    expect(textOfRole(list, 'label')).toBe('SEENWITH');
    expect(textRuns(list, 'chip').map((run) => run.text)).toEqual([
      'Khalifa',
      'Haftar',
      'Recep',
      'Tayyip',
      'Erdoğan',
      'Fayez',
      'al-Sarraj',
    ]);
    expect(textOfRole(list, 'description')).toBe(compact(seedActor.description));
  });

  it('has no chips for an actor seen with nobody', () => {
    const list = actorLayout({ ...seedActor, related: [] }, fonts);
    expect(chipBoxes(list)).toHaveLength(0);
    expect(textRuns(list, 'label')).toHaveLength(0);
  });

  it('centres the mark, the site name and what it does', () => {
    const list = siteLayout(fonts);
    expect(textOfRole(list, 'site-name')).toBe('Backstory');
    expect(textOfRole(list, 'tagline')).toBe(compact('News articles annotated with who did what, when and where.'));
    const mark = list.items.find((item) => item.kind === 'box' && item.role === 'mark');
    const { bottom } = extent(list, 'tagline');
    // As much room above the mark as below the tagline, give or take the descenders.
    expect(Math.abs((mark?.y ?? 0) - 68 - (574 - bottom))).toBeLessThan(20);
  });
});

describe('hostile and unusual text', () => {
  it('lays out without throwing and keeps every run on the card', () => {
    for (const text of HOSTILE) {
      const lists = [
        articleLayout({ title: text, dek: text, byline: text, actors: [text, text, text, text, text] }, fonts),
        actorLayout({ name: text, kind: text, description: text, note: text, related: [text] }, fonts),
      ];
      for (const list of lists) {
        for (const run of textRuns(list)) {
          expect(run.x).toBeGreaterThanOrEqual(0);
          expect(run.y).toBeLessThanOrEqual(630);
          const width = measureText(fonts, run.face, run.size, run.text, run.letterSpacing);
          expect(run.x + width).toBeLessThanOrEqual(1200 - 72 + 0.5);
        }
      }
    }
  });
});
