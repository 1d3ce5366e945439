// npm run bench:tables -- bench/results/10k.json [...]: the Markdown tables BENCHMARKS.md shows, from
// saved runs, so the document is pasted from measurements rather than typed.
import { readFileSync } from 'node:fs';
import type { BenchReport, ResultRow } from './lib/report.js';

const files = process.argv.slice(2);
const reports = files.map((file) => ({ file, report: JSON.parse(readFileSync(file, 'utf8')) as BenchReport }));

const number = (value: number | null, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));

function table(rows: ResultRow[]): string {
  const lines = [
    '| config | scenario | req/s | p50 ms | p95 ms | p99 ms | errors | x limit | SQL/req | peak RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.config} | ${row.scenario} | ${number(row.rps)} | ${number(row.p50)} | ${number(row.p95)} | ${number(row.p99)} | ` +
        `${row.errors} | ${number(row.ratioToLimit ?? null, 2)} | ${number(row.sqlPerRequest, 2)} | ${row.peakRssMb ?? 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

for (const { file, report } of reports) {
  console.log(`### ${report.dataset.articles.toLocaleString('en')} articles (${file})\n`);
  console.log(
    `${report.startedAt}, ${report.durationSeconds} s per scenario, ${report.connections} connections (F: 8), ` +
      `app NODE_OPTIONS "${report.appNodeOptions ?? ''}"\n`,
  );
  console.log(`${table(report.results)}\n`);
}

// Growth: scenarios A-D per configuration across the data sets given, with each run's ratio to limit.
const growth = ['limit', 'app-no-cache', 'app-cache'].flatMap((config) =>
  ['A', 'B', 'C', 'D'].map((scenario) => {
    const cells = reports.map(({ report }) => {
      const row = report.results.find((r) => r.config === config && r.scenario === scenario);
      if (!row) return 'n/a';
      const ratio = config === 'limit' || row.ratioToLimit === undefined ? '' : `, ${number(row.ratioToLimit, 2)}x limit`;
      return `${number(row.rps)} req/s, p99 ${number(row.p99)} ms${ratio}`;
    });
    return `| ${config} | ${scenario} | ${cells.join(' | ')} |`;
  }),
);
console.log('### Growth with the archive\n');
console.log(
  `| config | scenario | ${reports.map(({ report }) => `${report.dataset.articles.toLocaleString('en')} articles`).join(' | ')} |`,
);
console.log(`| --- | --- | ${reports.map(() => '---').join(' | ')} |`);
console.log(growth.join('\n'));
