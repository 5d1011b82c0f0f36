/**
 * The row of names at the foot of a card: an uppercase label, then
 * pill-shaped chips with a 2 px border, left to right, wrapping onto more
 * rows (flex-wrap with items centred in each row). The block is pinned to the
 * bottom of the content box, as `marginTop: auto` does.
 */
import type { Item } from './displayList.ts';
import { shorten } from './shorten.ts';
import type { TextStyle, Typesetter } from './typeset.ts';

const LABEL: TextStyle = {
  face: 'sans',
  size: 20,
  lineHeight: 'normal',
  colour: 'muted',
  letterSpacing: 2,
  uppercase: true,
};
const CHIP: TextStyle = { face: 'sans', size: 24, lineHeight: 'normal', colour: 'ink' };
const LABEL_GAP = 16;
const CHIP_GAP = 12;
const ROW_GAP = 8; // each item's marginTop
const PADDING_X = 18;
const PADDING_Y = 6;
const BORDER = 2;

interface Placed {
  width: number;
  height: number;
  gap: number;
  draw(x: number, y: number): Item[];
}

export interface ChipsBlock {
  height: number;
  /** The items, for a block whose top is at `top`. */
  items(top: number): Item[];
}

export function chipsBlock(
  typeset: Typesetter,
  label: string,
  names: readonly string[],
  left: number,
  width: number,
): ChipsBlock {
  const labelText = typeset.fit(LABEL, label, width);
  const labelWidth = Math.ceil(typeset.measure(LABEL, labelText));
  const labelLine = typeset.lineMetrics(LABEL);
  const chipLine = typeset.lineMetrics(CHIP);
  const chipHeight = chipLine.height + 2 * (PADDING_Y + BORDER);
  const inset = PADDING_X + BORDER;
  const placed: Placed[] = [
    {
      width: labelWidth,
      height: labelLine.height,
      gap: LABEL_GAP,
      draw: (x, y) => typeset.runs(LABEL, [labelText], x, y, 'label'),
    },
    ...names.map((name): Placed => {
      const text = typeset.fit(CHIP, shorten(name, 32), width - 2 * inset - CHIP_GAP);
      const chipWidth = Math.ceil(typeset.measure(CHIP, text)) + 2 * inset;
      return {
        width: chipWidth,
        height: chipHeight,
        gap: CHIP_GAP,
        draw: (x, y) => [
          {
            kind: 'box',
            role: 'chip',
            x,
            y,
            width: chipWidth,
            height: chipHeight,
            radius: 999,
            fill: 'white',
            border: { width: BORDER, colour: 'rule' },
          },
          ...typeset.runs(CHIP, [text], x + inset, y + PADDING_Y + BORDER, 'chip'),
        ],
      };
    }),
  ];

  // Rows: an item goes on the current row when its outer width (margins included) still fits.
  const rows: Placed[][] = [];
  let rowWidth = 0;
  for (const item of placed) {
    const outer = item.width + item.gap;
    const row = rows.at(-1);
    if (row && rowWidth + outer <= width) {
      row.push(item);
      rowWidth += outer;
    } else {
      rows.push([item]);
      rowWidth = outer;
    }
  }
  const rowHeight = (row: Placed[]) => Math.max(...row.map((item) => item.height + ROW_GAP));
  const height = rows.reduce((sum, row) => sum + rowHeight(row), 0);

  return {
    height,
    items(top) {
      const items: Item[] = [];
      let rowTop = top;
      for (const row of rows) {
        const tall = rowHeight(row);
        let x = left;
        for (const item of row) {
          const y = Math.round(rowTop + (tall - item.height - ROW_GAP) / 2 + ROW_GAP);
          items.push(...item.draw(x, y));
          x += item.width + item.gap;
        }
        rowTop += tall;
      }
      return items;
    },
  };
}
