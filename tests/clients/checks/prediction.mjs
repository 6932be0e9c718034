// prediction.mjs — for each real client and each typed base URL, the path it really sent (recorded by the
// capture server) must equal the path `pathwise doctor --client ID --version V BASE --json` predicts.
// Also: each client sends its key in the header docs/clients.md measured.
import { SUBJECTS, TYPED_BASES } from '../lib/subjects.mjs';
import { comparePrediction, describeRequest } from '../lib/compare.mjs';
import { doctor } from '../lib/pathwise.mjs';
import { pool } from '../lib/processes.mjs';
import { runCli, runSdkJobs } from '../lib/run_client.mjs';

const shownBase = (suffix) => `origin${suffix}`;

async function checkOne(ctx, subject, suffix, action, requests, outcome, key) {
  const base = ctx.capture.origin + suffix;
  const predicted = await doctor(ctx.binary, { client: subject.catalogId, version: subject.version, base, settings: subject.settings });
  const name = `${subject.label} ${subject.version} (${subject.catalogId}) typed ${shownBase(suffix)}${action ? ` ${action}` : ''}`;
  const row = { client: `${subject.label} ${subject.version}`, 'catalog id': subject.catalogId, 'typed base': shownBase(suffix), call: action ?? '(run)' };
  if (predicted.error) {
    ctx.tally.add('prediction', name, false, predicted.error, { ...row, sent: requests.map(describeRequest).join(' ; ') });
    return;
  }
  const verdict = comparePrediction(requests, predicted.json.calls ?? [], key);
  const extra = verdict.sent === '(nothing)' && outcome ? ` (client said: ${String(outcome).slice(0, 300)})` : '';
  ctx.tally.add('prediction', name, verdict.pass, `${verdict.problem}${extra} — ${predicted.command}`,
    { ...row, sent: verdict.sent, predicted: verdict.predicted });
}

export async function predictionChecks(ctx) {
  const authSeen = new Map();  // subject -> Set of auth styles
  const remember = (subject, requests) => {
    if (!authSeen.has(subject)) authSeen.set(subject, new Set());
    for (const r of requests) authSeen.get(subject).add(r.auth);
  };

  const sdkSubjects = SUBJECTS.filter((s) => s.kind === 'sdk');
  await pool(sdkSubjects, 2, async (subject, index) => {
    const jobs = [];
    for (const suffix of TYPED_BASES) {
      for (const action of subject.actions) {
        jobs.push({ suffix, action, base: ctx.capture.origin + suffix, key: `pw-predict-${index}-${jobs.length}` });
      }
    }
    const home = ctx.makeHome(`sdk-${subject.driver}`);
    const outcomes = await runSdkJobs(subject, jobs, ctx.guard.env, home);
    for (const [i, job] of jobs.entries()) {
      const requests = ctx.capture.take(job.key);
      remember(subject, requests);
      await checkOne(ctx, subject, job.suffix, job.action, requests, outcomes[i].ok ? null : outcomes[i].message, job.key);
    }
  });

  const cliRuns = [];
  for (const subject of SUBJECTS.filter((s) => s.kind === 'cli')) {
    for (const suffix of TYPED_BASES) cliRuns.push({ subject, suffix });
  }
  await pool(cliRuns, 2, async ({ subject, suffix }, index) => {
    const key = `pw-predict-cli-${index}`;
    const result = await runCli(subject, { base: ctx.capture.origin + suffix, key, guardEnv: ctx.guard.env, homesRoot: ctx.homesRoot });
    const requests = ctx.capture.take(key);
    remember(subject, requests);
    if (!result.ok) {
      ctx.tally.note(`${subject.label} ${subject.version} typed ${shownBase(suffix)} against the capture server: exit ${result.code}` +
        `${result.timedOut ? ' (timed out)' : ''}; output: ${result.output.trim().slice(-300).replaceAll('\n', ' ')}`);
    }
    await checkOne(ctx, subject, suffix, null, requests, result.ok ? null : result.output.trim().slice(-300), key);
  });

  // The key travels in the header docs/clients.md measured for this client and version.
  for (const subject of SUBJECTS) {
    const seen = [...(authSeen.get(subject) ?? [])];
    const pass = seen.length === 1 && seen[0] === subject.auth;
    ctx.tally.add('auth-header', `${subject.label} ${subject.version} sends its key as ${subject.auth}`, pass,
      `saw ${seen.join(', ') || 'no request'}`, { client: `${subject.label} ${subject.version}`, expected: subject.auth, seen: seen.join(', ') });
  }
}
