/**
 * How long a preview card takes to draw and how big its PNG is (the card
 * renderer, src/share/card/), on varied article cards made from the seed
 * article's sentences and the real actors' names (seeded, so every run draws
 * the same cards).
 *
 *   node scripts/bench/cards.ts [--cards 1000]
 *
 * The renderer is warmed up first (JIT, font parsing, glyph cache) on 200
 * other cards; then each card is drawn once, as in a build. (The satori +
 * resvg renderer it replaced took 55–64 ms and 60 KB a card here.)
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ArticleCard, drawPreviewCard, loadCardFonts } from '../../src/share/card/index.ts';
import { readSeed, repoRoot } from './generate.ts';
import { mulberry32, randomInt, shuffle } from './prng.ts';
import { splitBody } from './sentences.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '1000' } } });
const count = Number(values.cards);

async function actorNames(): Promise<string[]> {
  const dir = path.join(repoRoot, 'content', 'actors');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.md'));
  const names = await Promise.all(
    files.map(
      async (file) => /^name:\s*"?(.*?)"?\s*$/m.exec(await readFile(path.join(dir, file), 'utf8'))?.[1] ?? file,
    ),
  );
  // A few names in other scripts, as real articles have.
  return [...names, 'Владимир Путин', 'Ρετζέπ Ταγίπ Ερντογάν', 'Mevlüt Çavuşoğlu'];
}

/** `total` cards: titles of 3–20 words and deks of 10–40, cut from the seed's sentences. */
function makeCards(sentences: readonly string[], names: readonly string[], total: number): ArticleCard[] {
  const random = mulberry32(20200115);
  const words = (min: number, max: number) => {
    const sentence = sentences[randomInt(random, 0, sentences.length - 1)] ?? '';
    return sentence
      .split(' ')
      .slice(0, randomInt(random, min, max))
      .join(' ');
  };
  const publishers = ['Bloomberg', 'Reuters', 'The Guardian', 'Al Jazeera', 'Le Monde', 'Financial Times'];
  return Array.from({ length: total }, () => ({
    title: words(3, 20).replace(/[.,;:]$/, ''),
    dek: words(10, 40),
    byline: `${publishers[randomInt(random, 0, publishers.length - 1)]} · ${randomInt(random, 1, 28)} January 20${randomInt(random, 10, 25)}`,
    actors: shuffle(random, names).slice(0, randomInt(random, 0, 6)),
  }));
}

function report(name: string, cards: number, since: NodeJS.CpuUsage, wallMs: number, bytes: number): void {
  const used = process.cpuUsage(since);
  const cpuMicros = used.user + used.system;
  const perCard = (value: number) => (value / cards).toFixed(2);
  console.log(
    `${name.padEnd(16)} ${perCard(cpuMicros / 1000)} ms CPU/card  ${perCard(wallMs)} ms wall/card  ${Math.round(bytes / cards)} bytes/card  (${cards} cards)`,
  );
}

const seed = await readSeed();
const cards = makeCards(splitBody(seed.body).sentences, await actorNames(), count + 200);
const warmUp = cards.slice(count);

await loadCardFonts();
for (const card of warmUp) drawPreviewCard({ type: 'article', ...card });
let bytes = 0;
const cpu = process.cpuUsage();
const start = performance.now();
for (const card of cards.slice(0, count)) bytes += drawPreviewCard({ type: 'article', ...card }).byteLength;
report('card renderer', count, cpu, performance.now() - start, bytes);
