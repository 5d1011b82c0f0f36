/**
 * Documented repairs of extraction artefacts in the seed text of
 * `content/articles/how-putin-was-thrown-off-course.md`
 * (`shared/seeds/000_f7a647efefd6f113.txt`: the Bloomberg analysis republished
 * by The Moscow Times on 15 January 2020).
 *
 * The article body is the seed with these repairs applied and nothing else
 * changed (apart from the header, photo credit, "Related article" and
 * "Original url" lines, which live in the frontmatter). The fidelity test
 * (`tests/unit/seedFidelity.test.ts`) applies exactly this list to the seed and
 * checks the result word for word against the article, and checks that every
 * repair still matches the seed the expected number of times, so a repair
 * that silently stops applying, or an unlisted edit to the article, fails.
 *
 * Pure data and pure functions: no I/O, safe to import anywhere.
 */

export interface SeedRepair {
  /** Stable id, used in test names. */
  id: string;
  /** What the repair does. */
  what: string;
  /** Why it is an extraction artefact and not the author's text. */
  why: string;
  /** What to look for. A RegExp must carry the `g` flag. */
  find: string | RegExp;
  /** What to put instead (`$1`-style references are allowed for a RegExp). */
  replace: string;
  /** How many times `find` occurs in the seed; anything else means the seed or the repair drifted. */
  expectedMatches: number;
}

export const seedRepairs: readonly SeedRepair[] = [
  {
    id: 'join-united-nations',
    what: 'Join "…prime minister of the United" + "Nations-backed Libyan government…" into one paragraph.',
    why: 'A page break of the source split the sentence (and the name "United Nations") into two paragraphs.',
    find: /United[ \t]*(?:\r?\n[ \t]*)+Nations-backed/g,
    replace: 'United Nations-backed',
    expectedMatches: 1,
  },
  {
    id: 'join-russian-official',
    what: 'Join "…into a truce, a" + "Russian official told Bloomberg early last year." into one paragraph.',
    why: 'A page break of the source split the sentence "…a Russian official told Bloomberg" into two paragraphs.',
    find: /into a truce, a[ \t]*(?:\r?\n[ \t]*)+Russian official/g,
    replace: 'into a truce, a Russian official',
    expectedMatches: 1,
  },
  {
    id: 'restore-hyphen-kremlin-founded',
    what: 'Restore "Kremlinfounded" to "Kremlin-founded".',
    why: 'The hyphen was lost at a line break of the source ("Kremlin-" / "founded") and the halves were glued.',
    find: 'Kremlinfounded',
    replace: 'Kremlin-founded',
    expectedMatches: 1,
  },
  {
    id: 'strip-underline-html',
    what: 'Remove the stray `<u>` and `</u>` tags around the second "Related article" title, keeping its words.',
    why: 'HTML markup of the web page leaked into the plain-text extraction; it is not part of the text.',
    find: /<\/?u>/g,
    replace: '',
    expectedMatches: 2,
  },
  {
    id: 'repair-original-url',
    what: 'Repair "…libyan-g eneral-a68902" to "…libyan-general-a68902" in the original URL.',
    why: 'The extraction wrapped the long URL and inserted a space inside the word "general"; a URL has no spaces.',
    find: /libyan-g\s+eneral-a68902/g,
    replace: 'libyan-general-a68902',
    expectedMatches: 1,
  },
];

function globalPattern(find: string | RegExp): RegExp {
  if (typeof find === 'string') return new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  return find.global ? new RegExp(find.source, find.flags) : new RegExp(find.source, `${find.flags}g`);
}

/** How many times a repair's pattern occurs in `text`. */
export function countRepairMatches(text: string, repair: SeedRepair): number {
  return [...text.matchAll(globalPattern(repair.find))].length;
}

/** Apply one repair to every occurrence of its pattern. */
export function applyRepair(text: string, repair: SeedRepair): string {
  return text.replace(globalPattern(repair.find), repair.replace);
}

/** Apply every documented repair, in order. */
export function repairSeed(text: string, repairs: readonly SeedRepair[] = seedRepairs): string {
  return repairs.reduce(applyRepair, text);
}
