/**
 * Runs the benchmarks (all, or those named) and prints each one's figures as ratios to a baseline
 * measured in the same run. `npm run bench -- task-paging --tasks 100000 --db postgres://…`
 */
import { cpus } from 'node:os';
import type { BenchResult } from './harness.js';
import { parseOptions, type BenchOptions } from './options.js';
import { claimNext } from './claim-next.js';
import { deliveryBench } from './delivery.js';
import { taskCreate } from './task-create.js';
import { taskPaging } from './task-paging.js';

const benchmarks: Record<string, (options: BenchOptions) => Promise<BenchResult>> = {
  'task-create': taskCreate,
  'task-paging': taskPaging,
  'claim-next': claimNext,
  delivery: deliveryBench,
};

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (rightAligned[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const fixed = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function print(result: BenchResult): void {
  console.log(`\n## ${result.name} (${result.db})\n`);
  const groups = result.groups ?? [{ caption: '', measurements: result.measurements }];
  for (const [i, group] of groups.entries()) {
    const baseline = group.measurements[0]!;
    if (i > 0) console.log();
    if (group.caption) console.log(`${group.caption}\n`);
    const rate = result.rateHeader ?? 'req/s';
    console.log(
      table(
        ['measurement', rate, 'p50 ms', 'p99 ms', `${rate} vs baseline`, 'p50 vs baseline'],
        group.measurements.map((m) => [
          m.label,
          fixed(m.requestsPerSecond, 0),
          fixed(m.p50, 2),
          fixed(m.p99, 2),
          fixed(m.requestsPerSecond / baseline.requestsPerSecond, 3),
          fixed(m.p50 / baseline.p50, 2),
        ]),
        [false, true, true, true, true, true],
      ),
    );
  }
  console.log();
  console.log(table(['ratio', 'value'], result.ratios.map((r) => [r.label, fixed(r.value, 3)]), [false, true]));
  for (const note of result.notes) console.log(`\n${note}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const names = options.names.length > 0 ? options.names : Object.keys(benchmarks);
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}; there are ${Object.keys(benchmarks).join(', ')}`);

  console.log(`# Tessera benchmarks, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} cores`);
  const args = process.argv.slice(2).map((a) => a.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@'));
  console.log(`command: node bench/dist/run.js ${args.join(' ')}`.trimEnd());
  for (const name of names) {
    const started = performance.now();
    const result = await benchmarks[name]!(options);
    print(result);
    console.log(`(${name} took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
