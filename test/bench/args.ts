/** Command-line options of `npm run bench`. */
export interface BenchArgs {
  /** Corpus size in bytes. */
  bytes: number;
  /** The size as typed, for the cache folder's name (e.g. `1g`). */
  sizeLabel: string;
  seed: number;
  /** Timed runs of each scan; the median is reported. */
  runs: number;
  appends: number;
  idleSeconds: number;
  /** Also profile one cold scan with --cpu-prof and print where the time goes. */
  profile: boolean;
  /** Markdown results file. */
  out: string | null;
}

export const USAGE = `usage: npm run bench -- [--size 1g|200m|50m] [--seed N] [--runs N] [--appends N] [--idle-seconds N] [--profile] [--out results.md]`;

const DEFAULTS: BenchArgs = { bytes: 1e9, sizeLabel: '1g', seed: 1, runs: 3, appends: 200, idleSeconds: 30, profile: false, out: null };

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--size') {
      const label = value().toLowerCase();
      args.bytes = parseSize(label);
      args.sizeLabel = label;
    } else if (flag === '--seed') args.seed = positiveInt(flag, value());
    else if (flag === '--runs') args.runs = positiveInt(flag, value());
    else if (flag === '--appends') args.appends = positiveInt(flag, value());
    else if (flag === '--idle-seconds') args.idleSeconds = positiveInt(flag, value());
    else if (flag === '--profile') args.profile = true;
    else if (flag === '--out') args.out = value();
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return args;
}

export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmg])?b?$/i.exec(text.trim());
  if (!match) throw new Error(`--size: expected a size like 1g, 200m or 50m, got "${text}"`);
  const unit = { k: 1e3, m: 1e6, g: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const bytes = Number(match[1]) * unit;
  if (bytes < 1e6) throw new Error(`--size: at least 1m, got "${text}"`);
  return bytes;
}

function positiveInt(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag}: expected a positive whole number, got "${text}"`);
  return value;
}
