/** Command-line options shared by every benchmark. */
export interface BenchOptions {
  /** Benchmarks to run, by name; empty means all. */
  names: string[];
  /** `postgres://…` to run against PostgreSQL; SQLite in a temp directory otherwise. */
  db: string | undefined;
  /** Tasks to seed for task-paging or queue for claim-next, or to create with a callback for delivery; undefined means the benchmark's default. */
  tasks: number | undefined;
  /** Seconds each measurement runs. */
  duration: number;
  /** Seconds of unmeasured load before each measurement, so the JIT and caches are warm. */
  warmup: number;
  connections: number;
  /** Directory for a V8 CPU profile of the server process (node --cpu-prof), to see where its time goes. */
  profile: string | undefined;
}

export const usage = `usage: node bench/dist/run.js [name ...] [options]

  names            task-create, task-paging, claim-next, delivery (default: all)
  --db URL         postgres://… to run against PostgreSQL (or set TESSERA_BENCH_PG_URL);
                   SQLite in a temp directory otherwise
  --tasks N        tasks seeded for task-paging (default 1000000), queued for claim-next
                   (default 20000), or created with a callback_url per delivery run (default 1000)
  --duration S     seconds per measurement (default 5)
  --warmup S       unmeasured seconds before each measurement (default 1)
  --connections C  concurrent connections (default 16; claim-next always runs 8 and 64 annotators)
  --profile DIR    write a CPU profile of the server process to DIR (open in Chrome DevTools)`;

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    names: [],
    db: process.env.TESSERA_BENCH_PG_URL || undefined,
    tasks: undefined,
    duration: 5,
    warmup: 1,
    connections: 16,
    profile: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n\n${usage}`);
      return v;
    };
    const positive = (): number => {
      const raw = value();
      const n = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, not "${raw}"`);
      return n;
    };
    switch (flag) {
      case '--db':
        options.db = value();
        break;
      case '--tasks':
        options.tasks = Math.floor(positive());
        break;
      case '--duration':
        options.duration = positive();
        break;
      case '--warmup':
        options.warmup = Number(value());
        break;
      case '--connections':
        options.connections = Math.floor(positive());
        break;
      case '--profile':
        options.profile = value();
        break;
      case '--help':
      case '-h':
        console.log(usage);
        process.exit(0);
        break;
      default:
        if (flag.startsWith('-')) throw new Error(`unknown option ${flag}\n\n${usage}`);
        options.names.push(flag);
    }
  }
  if (options.db !== undefined && !/^postgres(ql)?:\/\//.test(options.db)) {
    throw new Error(`--db takes a postgres://… URL (SQLite is the default), not "${options.db}"`);
  }
  return options;
}

/** The database as shown in tables and docs, without a password. */
export function describeDb(db: string | undefined): string {
  if (db === undefined) return 'SQLite';
  try {
    const url = new URL(db);
    url.password = '';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
