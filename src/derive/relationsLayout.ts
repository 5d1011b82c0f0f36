/**
 * Lays out the article's relations (who backs, opposes, mediates with or is
 * allied with whom) as a small node-link diagram, at build time.
 *
 * The layout is stress majorization (SMACOF): each edge has an ideal length
 * by kind (short for `backs` and `allied`, long for `opposes`), and nodes are
 * placed so drawn distances match distances in the graph. Nothing is random:
 * nodes start on a circle in the article's order, so every build draws the
 * same picture. Labels sit under their node; node and label boxes are then
 * pushed apart until none overlap.
 */
import type { Relation } from '../model/schema.ts';

export type RelationKind = Relation['kind'];

export interface DiagramNodeInput {
  id: string;
  name: string;
  /** Actor kind: `person` | `state` | `organisation` | `group`. */
  kind: string;
}

export interface DiagramNode extends DiagramNodeInput {
  x: number;
  y: number;
  /** The name wrapped on at most two lines. */
  labelLines: string[];
  /** Baseline of the first label line. */
  labelY: number;
  degree: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  kind: RelationKind;
  /** SVG path from the edge of one node to the edge of the other. */
  d: string;
  /** `Egypt backs Khalifa Haftar` */
  sentence: string;
}

export interface RelationsDiagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface LayoutOptions {
  width?: number;
  /** Font size of the labels in SVG units; used to size label boxes. */
  fontSize?: number;
  /** Longest label line before wrapping, in characters. */
  wrapAt?: number;
}

export const relationKinds: readonly RelationKind[] = ['backs', 'opposes', 'mediates', 'allied'];

const verbs: Record<RelationKind, string> = {
  backs: 'backs',
  opposes: 'opposes',
  mediates: 'mediates with',
  allied: 'is allied with',
};

export function relationSentence(from: string, kind: RelationKind, to: string): string {
  return `${from} ${verbs[kind]} ${to}`;
}

/** Ideal length of an edge per kind: allies close, mediators further, adversaries furthest. */
const edgeLength: Record<RelationKind, number> = { backs: 1, allied: 1, mediates: 1.25, opposes: 1.5 };

const NODE_RADIUS = 6;
const LINE_GAP = 1.2;

/** Break a name into at most two lines of about `wrapAt` characters, at spaces. */
export function wrapLabel(name: string, wrapAt: number): string[] {
  if (name.length <= wrapAt) return [name];
  const words = name.split(' ');
  let best: [string, string] | undefined;
  for (let cut = 1; cut < words.length; cut += 1) {
    const lines: [string, string] = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const longest = Math.max(lines[0].length, lines[1].length);
    if (!best || longest < Math.max(best[0].length, best[1].length)) best = lines;
  }
  return best ?? [name];
}

/**
 * `Math.hypot(x, y)` as V8 computes it (both scaled by the larger, then
 * `sqrt(a² + b²) · max`), bit for bit, without the cost of a variadic builtin
 * call: a third of the article page's build time went into it.
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Number.POSITIVE_INFINITY || ay === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(ax) || Number.isNaN(ay)) return Number.NaN;
  const max = Math.max(ax, ay);
  if (max === 0) return 0;
  const a = ax / max;
  const b = ay / max;
  return Math.sqrt(a * a + b * b) * max;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The part of the layout that does not depend on the drawing's size: which
 * actors and relations are drawn, and where stress majorization puts the
 * nodes. The content pipeline computes it once per article (on its worker
 * threads); `fitRelations` then fits it into a drawing of any width.
 * Plain JSON, so it travels between threads and into the rendered article.
 */
export interface RelationsGraph {
  nodes: (DiagramNodeInput & { degree: number })[];
  relations: Pick<Relation, 'from' | 'to' | 'kind'>[];
  /** Node positions in graph units, in the order of `nodes`. */
  x: number[];
  y: number[];
}

export function relationsGraph(
  relations: readonly Pick<Relation, 'from' | 'to' | 'kind'>[],
  /** The actors, in the order the article declares them (that order seeds the layout). */
  actors: readonly DiagramNodeInput[],
): RelationsGraph {
  const known = new Map(actors.map((actor) => [actor.id, actor]));
  const used = relations
    .filter((r) => known.has(r.from) && known.has(r.to) && r.from !== r.to)
    .map(({ from, to, kind }) => ({ from, to, kind }));
  const inRelations = new Set(used.flatMap((r) => [r.from, r.to]));
  const inputs = actors.filter((actor) => inRelations.has(actor.id)).map(({ id, name, kind }) => ({ id, name, kind }));
  const n = inputs.length;
  if (n === 0) return { nodes: [], relations: [], x: [], y: [] };
  const index = new Map(inputs.map((node, i) => [node.id, i]));
  const degree = new Array<number>(n).fill(0);
  for (const r of used) {
    for (const end of [r.from, r.to]) {
      const i = index.get(end) as number;
      degree[i] = (degree[i] ?? 0) + 1;
    }
  }

  // 1. Stress majorization: place nodes so that drawn distances match
  //    distances in the graph, where an edge is as long as its kind says.
  const far = 1e9;
  const dist: number[][] = inputs.map((_, i) => inputs.map((_, j) => (i === j ? 0 : far)));
  for (const r of used) {
    const i = index.get(r.from) as number;
    const j = index.get(r.to) as number;
    const length = Math.min((dist[i] as number[])[j] as number, edgeLength[r.kind]);
    (dist[i] as number[])[j] = length;
    (dist[j] as number[])[i] = length;
  }
  for (let via = 0; via < n; via += 1) {
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        const through = ((dist[i] as number[])[via] as number) + ((dist[via] as number[])[j] as number);
        if (through < ((dist[i] as number[])[j] as number)) (dist[i] as number[])[j] = through;
      }
    }
  }
  // Separate components sit a little further apart than anything inside one.
  const longest = Math.max(1, ...dist.flat().filter((d) => d < far));
  for (const row of dist) for (let j = 0; j < n; j += 1) if ((row[j] as number) >= far) row[j] = longest + 1;

  const xs = inputs.map((_, i) => Math.cos(-Math.PI / 2 + (2 * Math.PI * i) / n) * longest);
  const ys = inputs.map((_, i) => Math.sin(-Math.PI / 2 + (2 * Math.PI * i) / n) * longest);
  // The hot loop of the page build (300 × n² steps per article): flat arrays,
  // weights computed once. Same arithmetic in the same order as the plain
  // formula, so the same layout to the last bit.
  const target = new Float64Array(n * n);
  const weight = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const t = (dist[i] as number[])[j] as number;
      target[i * n + j] = t;
      weight[i * n + j] = 1 / (t * t);
    }
  }
  const X = Float64Array.from(xs);
  const Y = Float64Array.from(ys);
  for (let step = 0; step < 300; step += 1) {
    for (let i = 0; i < n; i += 1) {
      let sumW = 0;
      let nx = 0;
      let ny = 0;
      const xi = X[i] as number;
      const yi = Y[i] as number;
      for (let j = 0; j < n; j += 1) {
        if (i === j) continue;
        const t = target[i * n + j] as number;
        const w = weight[i * n + j] as number;
        const xj = X[j] as number;
        const yj = Y[j] as number;
        const ox = xi - xj;
        const oy = yi - yj;
        const d = Math.max(hypot(ox, oy), 1e-6);
        nx += w * (xj + (t * ox) / d);
        ny += w * (yj + (t * oy) / d);
        sumW += w;
      }
      X[i] = nx / sumW;
      Y[i] = ny / sumW;
    }
  }
  return {
    nodes: inputs.map((node, i) => ({ ...node, degree: degree[i] as number })),
    relations: used,
    x: Array.from(X),
    y: Array.from(Y),
  };
}

/** The relations drawn: `relationsGraph` fitted into a drawing `width` wide (see `fitRelations`). */
export function layoutRelations(
  relations: readonly Pick<Relation, 'from' | 'to' | 'kind'>[],
  actors: readonly DiagramNodeInput[],
  options: LayoutOptions = {},
): RelationsDiagram {
  return fitRelations(relationsGraph(relations, actors), options);
}

/**
 * Fits a graph into the drawing: room for labels under and beside nodes,
 * node and label boxes pushed apart until none overlap, edges from node edge
 * to node edge (curved apart when one pair has several relations).
 */
export function fitRelations(
  graph: RelationsGraph,
  { width = 340, fontSize = 11, wrapAt = 15 }: LayoutOptions = {},
): RelationsDiagram {
  const inputs = graph.nodes;
  const used = graph.relations;
  const n = inputs.length;
  if (n === 0) return { width, height: 0, nodes: [], edges: [] };
  const degree = inputs.map((node) => node.degree);
  const xs = [...graph.x];
  const ys = [...graph.y];

  // 2. Fit into the drawing, leaving room for labels under and beside nodes.
  const labels = inputs.map((node) => wrapLabel(node.name, wrapAt));
  const charWidth = fontSize * 0.56;
  const labelWidth = labels.map((lines) => Math.max(...lines.map((line) => line.length)) * charWidth);
  const labelHeight = labels.map((lines) => lines.length * fontSize * LINE_GAP);
  const marginX = Math.max(NODE_RADIUS + 2, ...labelWidth.map((w) => w / 2 + 2));
  const marginTop = NODE_RADIUS + 4;
  const marginBottom = NODE_RADIUS + 6 + Math.max(...labelHeight);
  const span = (values: number[]) => {
    const min = Math.min(...values);
    const max = Math.max(...values);
    return { min, size: Math.max(max - min, 1e-6) };
  };
  const sx = span(xs);
  const sy = span(ys);
  const innerWidth = width - 2 * marginX;
  const aspect = Math.min(Math.max(sy.size / sx.size, 0.75), 1.25);
  const innerHeight = Math.round(innerWidth * aspect);
  const height = Math.round(innerHeight + marginTop + marginBottom);
  const px = xs.map((x) => marginX + ((x - sx.min) / sx.size) * innerWidth);
  const py = ys.map((y) => marginTop + ((y - sy.min) / sy.size) * innerHeight);

  // 3. Push node+label boxes apart until none overlap, staying inside the drawing.
  const boxOf = (i: number): Box => {
    const half = Math.max(labelWidth[i] as number, 2 * NODE_RADIUS) / 2 + 3;
    return {
      left: (px[i] as number) - half,
      right: (px[i] as number) + half,
      top: (py[i] as number) - NODE_RADIUS - 2,
      bottom: (py[i] as number) + NODE_RADIUS + 4 + (labelHeight[i] as number),
    };
  };
  const clamp = (i: number) => {
    const half = Math.max(labelWidth[i] as number, 2 * NODE_RADIUS) / 2 + 2;
    px[i] = Math.min(Math.max(px[i] as number, half), width - half);
    py[i] = Math.min(Math.max(py[i] as number, marginTop), height - NODE_RADIUS - 6 - (labelHeight[i] as number));
  };
  for (let pass = 0; pass < 200; pass += 1) {
    let moved = false;
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const a = boxOf(i);
        const b = boxOf(j);
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Separate along the axis that needs the smaller move.
        if (overlapX < overlapY) {
          const shift = overlapX / 2 + 0.5;
          const sign = (px[i] as number) <= (px[j] as number) ? -1 : 1;
          px[i] = (px[i] as number) + sign * shift;
          px[j] = (px[j] as number) - sign * shift;
        } else {
          const shift = overlapY / 2 + 0.5;
          const sign = (py[i] as number) <= (py[j] as number) ? -1 : 1;
          py[i] = (py[i] as number) + sign * shift;
          py[j] = (py[j] as number) - sign * shift;
        }
        clamp(i);
        clamp(j);
      }
    }
    if (!moved) break;
  }

  const round = (value: number) => Math.round(value * 10) / 10;
  const nodes: DiagramNode[] = inputs.map(({ id, name, kind }, i) => ({
    id,
    name,
    kind,
    x: round(px[i] as number),
    y: round(py[i] as number),
    labelLines: labels[i] as string[],
    labelY: round((py[i] as number) + NODE_RADIUS + 3 + fontSize),
    degree: degree[i] as number,
  }));

  // 4. Edges: straight, or curved apart when one pair has several relations.
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const pairs = new Map<string, number>();
  for (const r of used) pairs.set(pairKey(r.from, r.to), (pairs.get(pairKey(r.from, r.to)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges = used.map((r): DiagramEdge => {
    const a = byId.get(r.from) as DiagramNode;
    const b = byId.get(r.to) as DiagramNode;
    const key = pairKey(r.from, r.to);
    const count = pairs.get(key) ?? 1;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    // Offsets are measured against the pair's canonical direction, so an
    // edge A→B and an edge B→A bend to different sides.
    const [first, second] = r.from < r.to ? [a, b] : [b, a];
    const length = Math.max(Math.hypot(second.x - first.x, second.y - first.y), 1e-6);
    const normal = { x: -(second.y - first.y) / length, y: (second.x - first.x) / length };
    const offset = (nth - (count - 1) / 2) * 18;
    const control = {
      x: (a.x + b.x) / 2 + normal.x * offset,
      y: (a.y + b.y) / 2 + normal.y * offset,
    };
    const towards = (from: DiagramNode, to: { x: number; y: number }, gap: number) => {
      const d = Math.max(Math.hypot(to.x - from.x, to.y - from.y), 1e-6);
      return { x: round(from.x + ((to.x - from.x) / d) * gap), y: round(from.y + ((to.y - from.y) / d) * gap) };
    };
    const start = towards(a, control, NODE_RADIUS + 2);
    const end = towards(b, control, NODE_RADIUS + 3);
    const d =
      offset === 0
        ? `M${start.x} ${start.y}L${end.x} ${end.y}`
        : `M${start.x} ${start.y}Q${round(control.x)} ${round(control.y)} ${end.x} ${end.y}`;
    return { from: r.from, to: r.to, kind: r.kind, d, sentence: relationSentence(a.name, r.kind, b.name) };
  });

  return { width, height, nodes, edges };
}
