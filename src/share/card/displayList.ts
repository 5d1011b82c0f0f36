/**
 * What a card is made of, in pixels: rounded rectangles and text runs, drawn
 * in order. The layout (`cardLayout.ts`) produces it, the rasteriser
 * (`drawCard.ts`) draws it; tests read it to check what a card shows.
 */
import type { brand } from '../brand.ts';
import type { FaceName } from './fonts.ts';

/** The brand's colours, and the white of the chips. */
export type Colour = keyof typeof brand | 'white';

/** What an item is on the card, for tests and for reading a display list. */
export type Role =
  | 'border'
  | 'mark'
  | 'site-name'
  | 'byline'
  | 'note'
  | 'title'
  | 'dek'
  | 'kind'
  | 'name'
  | 'description'
  | 'tagline'
  | 'label'
  | 'chip';

export interface BoxItem {
  kind: 'box';
  role: Role;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius, clamped to half the shorter side when drawn. */
  radius: number;
  fill: Colour;
  /** A border inside the box, as CSS draws `border` with `box-sizing: border-box`. */
  border?: { width: number; colour: Colour };
}

export interface TextItem {
  kind: 'text';
  role: Role;
  face: FaceName;
  size: number;
  colour: Colour;
  /** Left end of the baseline. */
  x: number;
  y: number;
  letterSpacing: number;
  text: string;
}

export type Item = BoxItem | TextItem;

export interface DisplayList {
  width: number;
  height: number;
  /** `undefined`: transparent (icons with rounded corners). */
  background: Colour | undefined;
  items: Item[];
}
