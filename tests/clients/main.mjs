// main.mjs — the real-client conformance suite (run by run.sh under Node 22).
//   node main.mjs <path-to-pathwise> [--only prediction,e2e,translate,configure]
// Starts the loopback guard and the capture server, runs every check, writes artifacts/report.md and ends
// with "N passed, N failed"; exit 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { configureChecks } from './checks/configure.mjs';
import { predictionChecks } from './checks/prediction.mjs';
import { serverChecks } from './checks/e2e.mjs';
import { translationChecks } from './checks/translation.mjs';
import { CLIENTS_DIR, makeHome } from './lib/cli_clients.mjs';
import { startCaptureServer } from './lib/capture_server.mjs';
import { startLoopbackGuard } from './lib/loopback_guard.mjs';
import { binaryProblem } from './lib/pathwise.mjs';
import { SUBJECTS } from './lib/subjects.mjs';
import { Tally } from './lib/tally.mjs';

const started = Date.now();
const binary = process.argv[2] ? path.resolve(process.argv[2]) : '';
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : ['prediction', 'e2e', 'translate', 'configure'];

const artifacts = path.join(CLIENTS_DIR, 'artifacts');
const homesRoot = path.join(artifacts, 'homes');
fs.rmSync(homesRoot, { recursive: true, force: true });
fs.mkdirSync(homesRoot, { recursive: true });

const tally = new Tally();
const guard = await startLoopbackGuard();
const capture = await startCaptureServer();
const ctx = { binary, tally, guard, capture, homesRoot, makeHome: (name) => makeHome(homesRoot, name) };

try {
  const problem = binaryProblem(binary);
  if (problem) {
    tally.add('setup', 'pathwise binary', false, problem);
  } else {
    const timed = async (name, phase) => {
      const t0 = Date.now();
      await phase(ctx);
      tally.note(`${name} took ${Math.round((Date.now() - t0) / 1000)} s`);
    };
    if (only.includes('prediction')) await timed('prediction checks', predictionChecks);
    if (only.includes('e2e')) await timed('server checks (e2e, mistakes, repair, auth)', serverChecks);
    if (only.includes('translate')) await timed('translation checks', translationChecks);
    if (only.includes('configure')) await timed('configure checks (scan, configure, then the real client on that HOME)', configureChecks);
  }
} catch (error) {
  tally.add('setup', 'suite ran to the end', false, error?.stack ?? String(error));
} finally {
  await capture.close();
  await guard.close();
}

const unkeyed = capture.requests.filter((r) => !r.key.startsWith('pw-'));
if (unkeyed.length) tally.note(`requests at the capture server without a test key: ${unkeyed.map((r) => `${r.method} ${r.path}`).join(', ')}`);
const refusedHosts = [...new Set(guard.refused.map((r) => `${r.method} ${r.target}`))];
if (refusedHosts.length) tally.note(`outside traffic refused by the loopback guard (${guard.refused.length} attempts): ${refusedHosts.join(', ')}`);

const seconds = Math.round((Date.now() - started) / 1000);
const versions = [...new Set(SUBJECTS.map((s) => `${s.pkg} ${s.version}`))].join(', ');
tally.writeReport(path.join(artifacts, 'report.md'), [
  `Binary: \`${binary}\`; Node ${process.version}; ran in ${seconds} s; checks: ${only.join(', ')}.`,
  `Clients: ${versions}.`,
  'Typed bases are shown as suffixes of the server origin ("origin/v1" = http://127.0.0.1:PORT/v1).',
]);
fs.rmSync(homesRoot, { recursive: true, force: true });
const { passed, failed } = tally.counts();
console.log(`\nreport: ${path.join(artifacts, 'report.md')} (${seconds} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
