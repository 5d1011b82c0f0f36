import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypot, layoutRelations, relationSentence, wrapLabel } from '../../../src/derive/relationsLayout.ts';
import type { Relation } from '../../../src/model/schema.ts';

const actors = [
  { id: 'haftar', name: 'Khalifa Haftar', kind: 'person' },
  { id: 'sarraj', name: 'Fayez al-Sarraj', kind: 'person' },
  { id: 'gna', name: 'Government of National Accord', kind: 'organisation' },
  { id: 'russia', name: 'Russia', kind: 'state' },
  { id: 'turkey', name: 'Turkey', kind: 'state' },
  { id: 'egypt', name: 'Egypt', kind: 'state' },
  { id: 'uae', name: 'United Arab Emirates', kind: 'state' },
  { id: 'mercenaries', name: 'Russian mercenaries', kind: 'group' },
  { id: 'bystander', name: 'Bystander', kind: 'person' },
];

const relations: Pick<Relation, 'from' | 'to' | 'kind'>[] = [
  { from: 'haftar', to: 'sarraj', kind: 'opposes' },
  { from: 'haftar', to: 'gna', kind: 'opposes' },
  { from: 'egypt', to: 'haftar', kind: 'backs' },
  { from: 'uae', to: 'haftar', kind: 'backs' },
  { from: 'russia', to: 'haftar', kind: 'backs' },
  { from: 'mercenaries', to: 'haftar', kind: 'backs' },
  { from: 'turkey', to: 'gna', kind: 'backs' },
  { from: 'russia', to: 'turkey', kind: 'opposes' },
  { from: 'russia', to: 'turkey', kind: 'allied' },
  { from: 'turkey', to: 'russia', kind: 'mediates' },
];

describe('layoutRelations', () => {
  const diagram = layoutRelations(relations, actors, { width: 340 });

  it('draws only the actors that take part in a relation, in the article order', () => {
    expect(diagram.nodes.map((node) => node.id)).toEqual([
      'haftar',
      'sarraj',
      'gna',
      'russia',
      'turkey',
      'egypt',
      'uae',
      'mercenaries',
    ]);
  });

  it('draws one edge per relation with a sentence a reader can follow', () => {
    expect(diagram.edges).toHaveLength(relations.length);
    expect(diagram.edges[2]?.sentence).toBe('Egypt backs Khalifa Haftar');
    expect(diagram.edges.map((edge) => edge.kind)).toEqual(relations.map((relation) => relation.kind));
  });

  it('is deterministic: the same input gives the same drawing', () => {
    expect(layoutRelations(relations, actors, { width: 340 })).toEqual(diagram);
  });

  it('keeps every node and its label inside the drawing', () => {
    for (const node of diagram.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(diagram.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.labelY + (node.labelLines.length - 1) * 13).toBeLessThanOrEqual(diagram.height);
    }
  });

  it('leaves no two nodes on top of each other', () => {
    for (const [i, a] of diagram.nodes.entries()) {
      for (const b of diagram.nodes.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} / ${b.id}`).toBeGreaterThan(14);
      }
    }
  });

  it('bends parallel relations apart instead of drawing them on top of each other', () => {
    const between = diagram.edges.filter((edge) => [edge.from, edge.to].sort().join() === 'russia,turkey');
    expect(between).toHaveLength(3);
    expect(new Set(between.map((edge) => edge.d)).size).toBe(3);
    expect(between.filter((edge) => edge.d.includes('Q')).length).toBeGreaterThanOrEqual(2);
  });

  it('ignores relations to actors it does not know and to oneself', () => {
    const drawn = layoutRelations(
      [
        { from: 'haftar', to: 'nobody', kind: 'backs' },
        { from: 'haftar', to: 'haftar', kind: 'backs' },
      ],
      actors,
    );
    expect(drawn.nodes).toEqual([]);
    expect(drawn.edges).toEqual([]);
  });

  it('lays out a seed-sized graph (20 nodes, 25 edges) legibly', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, name: `Actor number ${i}`, kind: 'state' }));
    const edges = Array.from({ length: 25 }, (_, i) => ({
      from: `a${i % 20}`,
      to: `a${(i * 7 + 3) % 20}`,
      kind: (['backs', 'opposes', 'mediates', 'allied'] as const)[i % 4] ?? 'backs',
    })).filter((edge) => edge.from !== edge.to);
    const drawn = layoutRelations(edges, many);
    for (const [i, a] of drawn.nodes.entries()) {
      for (const b of drawn.nodes.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(14);
      }
    }
    expect(drawn.height).toBeGreaterThan(200);
  });
});

describe('wrapLabel', () => {
  it('keeps short names on one line', () => {
    expect(wrapLabel('Turkey', 15)).toEqual(['Turkey']);
  });
  it('breaks long names at the most even space', () => {
    expect(wrapLabel('Government of National Accord', 15)).toEqual(['Government of', 'National Accord']);
    expect(wrapLabel('United Arab Emirates', 15)).toEqual(['United Arab', 'Emirates']);
  });
});

describe('relationSentence', () => {
  it('reads as English for every kind', () => {
    expect(relationSentence('Egypt', 'backs', 'Haftar')).toBe('Egypt backs Haftar');
    expect(relationSentence('Haftar', 'opposes', 'Sarraj')).toBe('Haftar opposes Sarraj');
    expect(relationSentence('Italy', 'mediates', 'Haftar')).toBe('Italy mediates with Haftar');
    expect(relationSentence('Russia', 'allied', 'Turkey')).toBe('Russia is allied with Turkey');
  });
});

describe('hypot', () => {
  it('is Math.hypot of two numbers, bit for bit (the layout must not move)', () => {
    const special = [0, -0, 1, -1, 3, 4, 0.1, 1e-300, 1e300, 5e-324, Infinity, -Infinity, Number.NaN];
    for (const x of special) for (const y of special) expect(Object.is(hypot(x, y), Math.hypot(x, y))).toBe(true);
    fc.assert(
      fc.property(fc.double(), fc.double(), (x, y) => Object.is(hypot(x, y), Math.hypot(x, y))),
      { numRuns: 20_000 },
    );
  });
});
