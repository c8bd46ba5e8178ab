/**
 * `npm run bench`: every benchmark in turn, each in its own process (run.ts needs --expose-gc), all
 * of them even when one misses its target; the exit code is the worst of theirs (0 met, 1 a target
 * missed, 2 a benchmark failed).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BENCHMARKS: { file: string; nodeArgs: string[] }[] = [
  { file: 'run.ts', nodeArgs: ['--expose-gc'] },
  { file: 'review.ts', nodeArgs: [] },
  { file: 'pane.ts', nodeArgs: [] },
];

let worst = 0;
for (const { file, nodeArgs } of BENCHMARKS) {
  console.log(`\n=== bench/${file}`);
  const child = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' });
  worst = Math.max(worst, child.status ?? 2);
}
process.exitCode = worst;
