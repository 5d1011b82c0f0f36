/** Command-line options of `npm run bench` (`node scripts/bench/run.ts`). */

export interface BenchOptions {
  /** Corpus sizes to build, in order. */
  sizes: number[];
  /** How many times each build runs per size (the median is reported). */
  repeat: number;
  skipBuilds: boolean;
  skipWeight: boolean;
  skipLighthouse: boolean;
  /** The built site for page weight and Lighthouse, relative to the repo root. */
  dist: string;
  /** Rebuild `dist` even if it exists. */
  rebuildDist: boolean;
  /** PRNG seed of the generator. */
  seed?: number;
  /** Keep each build's output and cache under .bench/ (deleted after measuring by default: GBs at 5000). */
  keepOutput: boolean;
  /** Also build the reduced sites of scripts/bench/variants.ts, to show where the ratio goes. */
  breakdown: boolean;
}

export const USAGE = `usage: node scripts/bench/run.ts [options]
  --articles N         build a corpus of N synthetic articles (default 1000)
  --sizes A,B,C        several corpus sizes, e.g. 100,1000,5000 (overrides --articles)
  --repeat R           run every build R times and report the median (default 1)
  --skip-builds        skip the build scaling section
  --skip-weight        skip the page weight section
  --skip-lighthouse    skip Lighthouse
  --dist DIR           built site for page weight and Lighthouse (default dist; built if absent)
  --rebuild-dist       build DIR even if it exists
  --keep-output        keep the benchmark builds' output and cache dirs in .bench/ (deleted by default)
  --breakdown          also build two reduced full sites (without search and preview images; and without
                       the secondary pages too) to show where the ratio goes (scripts/bench/variants.ts)
  --seed S             generator seed (default: the reference corpus)
  --help`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [1000],
    repeat: 1,
    skipBuilds: false,
    skipWeight: false,
    skipLighthouse: false,
    dist: 'dist',
    rebuildDist: false,
    keepOutput: false,
    breakdown: false,
  };
  let sizesGiven = false;
  const positiveInt = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !/^\d+$/.test(value) || n < 1)
      throw new Error(`${flag} needs a positive whole number, got ${JSON.stringify(value ?? '')}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--articles':
        if (!sizesGiven) options.sizes = [positiveInt(flag, value())];
        else value();
        break;
      case '--sizes': {
        const list = value();
        options.sizes = (list ?? '')
          .split(',')
          .filter(Boolean)
          .map((s) => positiveInt(flag, s.trim()));
        if (options.sizes.length === 0) throw new Error('--sizes needs a comma-separated list, e.g. 100,1000,5000');
        sizesGiven = true;
        break;
      }
      case '--repeat':
        options.repeat = positiveInt(flag, value());
        break;
      case '--seed':
        options.seed = positiveInt(flag, value());
        break;
      case '--dist': {
        const dir = value();
        if (!dir) throw new Error('--dist needs a directory');
        options.dist = dir;
        break;
      }
      case '--skip-builds':
        options.skipBuilds = true;
        break;
      case '--skip-weight':
        options.skipWeight = true;
        break;
      case '--skip-lighthouse':
        options.skipLighthouse = true;
        break;
      case '--rebuild-dist':
        options.rebuildDist = true;
        break;
      case '--keep-output':
        options.keepOutput = true;
        break;
      case '--breakdown':
        options.breakdown = true;
        break;
      case '--help':
      case '-h':
        throw new HelpRequested();
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (options.breakdown && options.skipBuilds)
    throw new Error('--breakdown adds builds to the build scaling section: it cannot go with --skip-builds');
  return options;
}

export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
    this.name = 'HelpRequested';
  }
}
