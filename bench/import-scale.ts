/**
 * The CSV import alone (issue 12), at each size: SQLite beside its honest floor (csv-parse + raw
 * prepared multi-row INSERTs of the same rows into the same schema) and the 6-column floor, and
 * PostgreSQL at the sizes up to BENCH_IMPORT_PG_MAX (default 10,000) beside SQLite.
 * BENCH_SCALE_SIZES=1000,10000,100000 npx tsx bench/import-scale.ts
 */
import { stopWorkers } from '../src/services/imports/worker-pool.ts';
import { pgAvailable } from './postgres.ts';
import { csvFloor, csvOf, timeImport, timeImportWithFloor } from './scale-setup.ts';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));
const PG_MAX = Number(process.env.BENCH_IMPORT_PG_MAX ?? 10_000);
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

const withPg = await pgAvailable();
await timeImportWithFloor(csvOf(1000)); // read in process
await timeImportWithFloor(csvOf(2000)); // starts an import worker
csvFloor(csvOf(50));
const times: number[] = [];
for (const size of SIZES) {
  const bytes = csvOf(size);
  const { ms: t, floorMs, cpuMs, floorCpuMs } = await timeImportWithFloor(bytes);
  const small = csvFloor(bytes);
  times.push(t);
  let line = `${size}: sqlite ${ms(t)} | honest floor ${ms(floorMs)} (${(t / floorMs).toFixed(2)}×; CPU ${ms(cpuMs)} vs ${ms(floorCpuMs)}, ${(cpuMs / floorCpuMs).toFixed(2)}×) | 6-column floor ${ms(small)} (${(t / small).toFixed(1)}×)`;
  if (withPg && size <= PG_MAX) {
    const pg = await timeImport('postgres', bytes);
    line += ` | postgres ${ms(pg)} (${(pg / t).toFixed(2)}× sqlite)`;
  }
  console.log(line);
}
for (let i = 1; i < times.length; i++)
  console.log(
    `exponent ${SIZES[i - 1]}→${SIZES[i]}: ${(Math.log10(times[i]! / times[i - 1]!) / Math.log10(SIZES[i]! / SIZES[i - 1]!)).toFixed(2)}`,
  );
await stopWorkers();
process.exit(0);
