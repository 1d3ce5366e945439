import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MachineInfo } from './machine.js';

export interface ResultRow {
  config: string;
  scenario: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** req/s over the req/s of `limit` on the same scenario in the same run; null where limit has no row. */
  ratioToLimit: number | null;
  sqlPerRequest: number | null;
  /** The largest process's peak; with --workers, peakRssTotalMb sums them. */
  peakRssMb: number | null;
  peakRssTotalMb?: number | null;
  /** CPU ms of the server process (and its workers) per response (bench/lib/cpu.ts); steadier than req/s on a shared machine. */
  appCpuMsPerRequest?: number | null;
  /** CPU ms of the bench database's PostgreSQL backends per response. */
  dbCpuMsPerRequest?: number | null;
}

export interface BenchReport {
  machine: MachineInfo;
  dataset: { articles: number };
  startedAt: string;
  durationSeconds: number;
  connections: number;
  /** Processes per server (--workers): WEB_CONCURRENCY for the app, reference-cluster.mjs for limit. */
  workers?: number;
  /** NODE_OPTIONS the app ran with (heap bounds). */
  appNodeOptions: string;
  results: ResultRow[];
}

const COLUMNS: [string, (row: ResultRow) => string][] = [
  ['scenario', (row) => row.scenario],
  ['rps', (row) => row.rps.toFixed(1)],
  ['p50 ms', (row) => row.p50.toFixed(1)],
  ['p95 ms', (row) => row.p95.toFixed(1)],
  ['p99 ms', (row) => row.p99.toFixed(1)],
  ['errors', (row) => String(row.errors)],
  ['x limit', (row) => (row.ratioToLimit === null ? 'n/a' : row.ratioToLimit.toFixed(2))],
  ['SQL/req', (row) => (row.sqlPerRequest === null ? 'n/a' : row.sqlPerRequest.toFixed(2))],
  ['peak RSS MB', (row) => (row.peakRssMb === null ? 'n/a' : String(row.peakRssMb))],
  ['RSS sum MB', (row) => (row.peakRssTotalMb == null ? 'n/a' : String(row.peakRssTotalMb))],
  ['app CPU ms/req', (row) => (row.appCpuMsPerRequest == null ? 'n/a' : row.appCpuMsPerRequest.toFixed(2))],
  ['db CPU ms/req', (row) => (row.dbCpuMsPerRequest == null ? 'n/a' : row.dbCpuMsPerRequest.toFixed(2))],
];

/** A plain-text table: the first column left-aligned, numbers right-aligned. */
export function formatTable(title: string, rows: ResultRow[]): string {
  const cells = rows.map((row) => COLUMNS.map(([, cell]) => cell(row)));
  const widths = COLUMNS.map(([header], index) => Math.max(header.length, ...cells.map((line) => line[index].length)));
  const line = (values: string[]) =>
    values.map((value, index) => (index === 0 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join('  ');
  return [
    title,
    line(COLUMNS.map(([header]) => header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ].join('\n');
}

export async function writeReport(file: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
