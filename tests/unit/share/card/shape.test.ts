import { beforeAll, describe, expect, it } from 'vitest';
import { type CardFonts, loadCardFonts } from '../../../../src/share/card/index.ts';
import { measureText, shapeText } from '../../../../src/share/card/shape.ts';

let fonts: CardFonts;
beforeAll(async () => {
  fonts = await loadCardFonts();
});

describe('shaping', () => {
  it('finds every letter of Cyrillic, Greek and Turkish names in the subset fonts', () => {
    for (const face of ['sans', 'sans-semibold', 'serif-bold'] as const) {
      for (const name of ['Путин', 'Ερντογάν', 'Erdoğan', 'Çavuşoğlu', 'Ghassan Salamé']) {
        const glyphs = shapeText(fonts, face, 24, name);
        expect(glyphs.every((glyph) => glyph.glyph !== 0)).toBe(true);
      }
    }
    expect(shapeText(fonts, 'sans', 24, 'Путин')[0]?.file.name).toBe('inter-cyrillic-400');
    expect(shapeText(fonts, 'sans', 24, 'Erdoğan')[4]?.file.name).toBe('inter-latin-ext-400');
  });

  it('kerns pairs and forms the serif’s ligatures', () => {
    for (const face of ['sans', 'serif-bold'] as const) {
      const apart = measureText(fonts, face, 100, 'A') + measureText(fonts, face, 100, 'V');
      expect(measureText(fonts, face, 100, 'AV')).toBeLessThan(apart - 3);
    }
    expect(shapeText(fonts, 'serif-bold', 58, 'Off')).toHaveLength(2);
    expect(shapeText(fonts, 'sans', 58, 'Off')).toHaveLength(3);
  });

  it('adds letter-spacing after every character', () => {
    expect(measureText(fonts, 'sans', 20, 'WHO', 2)).toBeCloseTo(measureText(fonts, 'sans', 20, 'WHO') + 6, 6);
  });

  it('composes combining marks and drops ones no font has; a character no font has is .notdef', () => {
    expect(shapeText(fonts, 'sans', 24, 'e\u0301')).toHaveLength(1);
    expect(shapeText(fonts, 'sans', 24, 'é\u0302').map((glyph) => glyph.glyph)).toHaveLength(1);
    const emoji = shapeText(fonts, 'sans', 24, 'a😀');
    expect(emoji.map((glyph) => glyph.glyph)).toContain(0);
    expect(shapeText(fonts, 'sans', 24, 'a\u200b\u202eb')).toHaveLength(2);
  });
});
