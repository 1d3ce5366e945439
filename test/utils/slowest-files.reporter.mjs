import { relative } from 'node:path';

// Prints the slowest spec files after a run of many, so the CI log shows where the suite's time goes
// and a file that became slow is seen in the next run (issue 12 §6). Quiet for a handful of files.
const SHOWN = 15;
const MIN_FILES = 20;

export default class SlowestFilesReporter {
  onRunComplete(_contexts, results) {
    if (results.testResults.length < MIN_FILES) return;
    const files = results.testResults
      .map((file) => ({
        path: relative(process.cwd(), file.testFilePath),
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
        tests: file.numPassingTests + file.numFailingTests + file.numPendingTests,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = files.reduce((sum, file) => sum + file.seconds, 0);
    const lines = files
      .slice(0, SHOWN)
      .map((f) => `${f.seconds.toFixed(1).padStart(7)} s ${String(f.tests).padStart(4)} tests  ${f.path}`);
    console.log(
      `\nSlowest spec files (${files.length} files, ${total.toFixed(0)} s in all across workers):\n${lines.join('\n')}\n`,
    );
  }
}
