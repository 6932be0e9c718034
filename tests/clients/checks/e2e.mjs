// e2e.mjs — the real clients against the real `pathwise serve` (embedded mock upstream):
//   recommendation: `pathwise doctor` recommends the base URL docs/clients.md §0 says to type (and the settings);
//   e2e:            with that base (and settings) every call completes, non-streaming and streaming, with text;
//   mistake:        with each common wrong base the client fails with a 404 whose message names the fix;
//   repair:         with `serve --repair-paths` the same wrong bases work;
//   auth:           with `serve --auth-mode strict --api-key K` the right key works, a wrong one gets a clear 401.
import { SUBJECTS } from '../lib/subjects.mjs';
import { mentionsFix } from '../lib/compare.mjs';
import { doctor, startServe } from '../lib/pathwise.mjs';
import { pool } from '../lib/processes.mjs';
import { runCli, runSdkJobs } from '../lib/run_client.mjs';

const PROXY_KEY = 'pw-proxy-key-correct';
const WRONG_KEY = 'pw-proxy-key-wrong';
const label = (s) => `${s.label} ${s.version}`;
const clip = (text) => String(text ?? '').replaceAll('\n', ' ').slice(0, 400);

// Environment-variable settings from doctor's settings_needed; anything else is applied by the CLI recipe
// (Gemini CLI's settings.json) or is a setting this suite does not know how to apply.
function settingsEnv(subject, settingsNeeded, tally) {
  const env = {};
  for (const setting of settingsNeeded ?? []) {
    if (setting.where.startsWith('environment')) env[setting.name] = setting.value;
    else if (!(subject.catalogId === 'gemini-cli' && setting.name === 'security.auth.selectedType')) {
      tally.note(`${label(subject)}: doctor asks for setting ${setting.name}=${setting.value} in ${setting.where}, which this suite cannot apply`);
    }
  }
  return env;
}

// One attempt of a subject's main call: SDKs run `jobs`, CLIs run once per job. -> results in job order.
async function attempt(ctx, subject, jobs) {
  if (subject.kind === 'sdk') return runSdkJobs(subject, jobs, ctx.guard.env, ctx.makeHome(`e2e-${subject.driver}`));
  const results = [];
  for (const job of jobs) {
    const r = await runCli(subject, { base: job.base, key: job.key, guardEnv: ctx.guard.env, homesRoot: ctx.homesRoot,
      // Kilo CLI retries every 404 five times and took 81–87 s to show one (docs/clients.md) until the proxy's
      // refusals carried Retry-After: 0; the bound stays generous so a regression shows as a time, not a timeout.
      settings: job.env, authStyle: job.authStyle, timeoutMs: 150000 });
    const status = /\b(401|403|404)\b/.exec(r.output)?.[1];
    results.push({ ok: r.ok && r.text.length > 0, text: r.text, status: status ? Number(status) : null, ms: r.ms,
      // The whole output, as a person sees it: Gemini CLI prints the proxy's message, then a stack trace whose
      // length depends on the install path, so a fixed tail once cut the fix off (checks clip only what they show).
      message: `exit ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.output.trim().slice(-20000)}` });
  }
  return results;
}

// A client's time to its answer or error (retries included), for the report: "0.8 s"; "" when not measured.
const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '');

const mainAction = (subject) => (subject.kind === 'sdk' ? subject.e2e[0] : 'run');

async function plainServerChecks(ctx, serve, subject) {
  const { tally } = ctx;
  const predicted = await doctor(ctx.binary, { client: subject.catalogId, version: subject.version, base: serve.origin });
  const expected = serve.origin + subject.recommended;
  let base = expected;
  let env = {};
  if (predicted.error) {
    tally.add('recommendation', `${label(subject)} recommended base`, false, predicted.error, { client: label(subject), expected: `origin${subject.recommended}` });
  } else {
    const got = predicted.json.recommended_base_url;
    tally.add('recommendation', `${label(subject)} recommended base is origin${subject.recommended}`, got === expected,
      `doctor recommends ${got}, docs/clients.md says ${expected} — ${predicted.command}`,
      { client: label(subject), 'catalog id': subject.catalogId, expected: `origin${subject.recommended}`, recommended: String(got).replace(serve.origin, 'origin') });
    const needed = (predicted.json.settings_needed ?? []).map((s) => `${s.name}=${s.value}`).sort();
    const wanted = (subject.expectSettings ?? []).map((s) => `${s.name}=${s.value}`).sort();
    const extraOk = needed.filter((n) => !wanted.includes(n)).every((n) => subject.catalogId === 'gemini-cli' && n.startsWith('security.auth.selectedType='));
    tally.add('recommendation', `${label(subject)} settings needed: ${wanted.join(', ') || 'none'}`,
      wanted.every((w) => needed.includes(w)) && extraOk, `doctor says: ${needed.join(', ') || 'none'}`,
      { client: label(subject), 'catalog id': subject.catalogId, expected: wanted.join(', ') || 'none', recommended: needed.join(', ') || 'none' });
    if (got) base = got;
    env = settingsEnv(subject, predicted.json.settings_needed, tally);
  }

  const actions = subject.kind === 'sdk' ? subject.e2e : ['run'];
  const jobs = actions.map((action, i) => ({ action, base, env, key: `pw-e2e-${subject.catalogId}-${i}` }));
  const mistakeJobs = subject.mistakes.map((m, i) => ({ action: m.action ?? mainAction(subject), base: serve.origin + m.suffix,
    env: m.env ?? env, key: `pw-mistake-${i}`, mistake: m }));
  const results = await attempt(ctx, subject, [...jobs, ...mistakeJobs]);
  for (const [i, job] of jobs.entries()) {
    const r = results[i];
    const shown = base.replace(serve.origin, 'origin');
    tally.add('e2e', `${label(subject)} ${job.action} via ${shown}`, r.ok && r.text.trim().length > 0,
      r.ok ? 'empty answer' : clip(r.message), { client: label(subject), base: shown, call: job.action, time: seconds(r.ms),
        answer: clip(r.ok ? r.text : '').slice(0, 60) });
  }
  for (const [i, job] of mistakeJobs.entries()) {
    const r = results[jobs.length + i];
    const m = job.mistake;
    // SDK errors carry the HTTP status; CLIs print only the message (Kilo), so for them the proxy's diagnosis
    // text naming the fix is the evidence (only the proxy's 404 knows the fixed base URL).
    const statusOk = subject.kind === 'cli' ? r.status === null || r.status === 404 : r.status === 404;
    // A client that hides 404 bodies (m.hidesBody = the path it sent) must still fail, and the proxy must
    // have recorded that exact request with the diagnosis naming the fix (what the wizard's Live view shows).
    const pass = !r.ok && statusOk && (m.hidesBody
      ? await proxyRecorded(serve, m.hidesBody, m.mentions)
      : mentionsFix(r.message ?? '', serve.origin, m.mentions));
    const fix = m.mentions === '' || m.mentions.startsWith('/') ? `origin${m.mentions}` : m.mentions;
    tally.add('mistake', `${label(subject)} typed origin${m.suffix}${m.action ? ` (${m.action})` : ''}: fails with a 404 naming ${fix}`, pass,
      r.ok ? 'the call succeeded' : `status ${r.status}: ${clip(r.message)}`,
      { client: label(subject), 'typed base': `origin${m.suffix}`, 'must mention': fix, 'time to error': seconds(r.ms),
        'client saw': `${r.status ?? ''} ${clip(r.message).slice(0, 160)}` });
  }
}

// The proxy's own record of what it answered (the wizard's Live view reads the same list).
async function proxyRequests(serve, key) {
  const res = await fetch(`${serve.origin}/_pathwise/requests`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  if (!res.ok) return [];
  return (await res.json()).requests ?? [];
}

async function proxyRecorded(serve, path, mentions) {
  return (await proxyRequests(serve)).some((q) => q.path.split('?')[0] === path && q.status === 404 &&
    q.diagnosis_kind !== '' && mentionsFix(`${q.diagnosis} ${q.fixed_base_url}`, serve.origin, mentions));
}

async function repairChecks(ctx, serve, subject) {
  // A model list that crossed to the other API is refused, never repaired (a wrong protocol is not guessed at).
  const jobs = subject.mistakes.filter((m) => !m.action).map((m, i) => ({ action: mainAction(subject), base: serve.origin + m.suffix,
    env: m.env ?? subject.e2eEnv ?? {}, key: `pw-repair-${i}`, mistake: m }));
  const results = await attempt(ctx, subject, jobs);
  for (const [i, job] of jobs.entries()) {
    const r = results[i];
    tally(ctx).add('repair', `${label(subject)} typed origin${job.mistake.suffix} works with --repair-paths`, r.ok && r.text.trim().length > 0,
      clip(r.message), { client: label(subject), 'typed base': `origin${job.mistake.suffix}`, answer: clip(r.ok ? r.text : r.message).slice(0, 80) });
  }
}
const tally = (ctx) => ctx.tally;

async function authChecks(ctx, serve, subject) {
  const base = serve.origin + subject.recommended;
  const env = subject.e2eEnv ?? {};
  const styles = subject.catalogId === 'claude-code' ? ['api-key', 'bearer'] : [undefined];
  const jobs = [];
  for (const authStyle of styles) {
    jobs.push({ action: mainAction(subject), base, env, key: PROXY_KEY, authStyle, right: true });
    jobs.push({ action: mainAction(subject), base, env, key: WRONG_KEY, authStyle, right: false });
  }
  const results = await attempt(ctx, subject, jobs);
  for (const [i, job] of jobs.entries()) {
    const r = results[i];
    const how = job.authStyle === 'bearer' ? 'ANTHROPIC_AUTH_TOKEN (Bearer)' : job.authStyle === 'api-key' ? 'ANTHROPIC_API_KEY (x-api-key)' : subject.auth;
    if (job.right) {
      tally(ctx).add('auth', `${label(subject)} with the right key in ${how} is served`, r.ok && r.text.trim().length > 0, clip(r.message),
        { client: label(subject), key: `right (${how})`, time: seconds(r.ms),
          outcome: r.ok ? 'answered' : `${r.status ?? ''} ${clip(r.message).slice(0, 120)}` });
    } else {
      const statusOk = subject.kind === 'cli' ? r.status === null || r.status === 401 : r.status === 401;
      // Claude Code 2.1.330 retried a 401 until our timeout and printed nothing, until the proxy's 401 said
      // X-Should-Retry: false (it now prints "Invalid API key" at once); for a client that hides error bodies the
      // evidence stays the proxy's recorded 401 on the client's route.
      const pass = !r.ok && statusOk && (/key/i.test(r.message ?? '') || (subject.hidesErrorBodies === true &&
        (await proxyRequests(serve, PROXY_KEY)).some((q) => q.status === 401 && q.route_id === 'anthropic.messages')));
      tally(ctx).add('auth', `${label(subject)} with a wrong key in ${how} gets a 401 about the key`, pass,
        r.ok ? 'the call succeeded' : `status ${r.status}: ${clip(r.message)}`,
        { client: label(subject), key: `wrong (${how})`, time: seconds(r.ms),
          outcome: r.ok ? 'answered' : `${r.status ?? ''} ${clip(r.message).slice(0, 120)}` });
    }
  }
}

async function withServer(ctx, group, args, subjects, check) {
  const serve = await startServe(ctx.binary, args, ctx.makeHome(`serve-${group}`));
  if (serve.error) {
    ctx.tally.add(group, `pathwise serve ${args.join(' ')} starts`, false, serve.error, { client: '(server)' });
    return;
  }
  try {
    await pool(subjects, 2, (subject) => check(ctx, serve, subject));
  } finally {
    await serve.stop();
  }
}

export async function serverChecks(ctx) {
  const subjects = SUBJECTS.filter((s) => !s.predictionOnly);
  await withServer(ctx, 'e2e', [], subjects, plainServerChecks);
  await withServer(ctx, 'repair', ['--repair-paths'], subjects, repairChecks);
  await withServer(ctx, 'auth', ['--auth-mode', 'strict', '--api-key', PROXY_KEY], subjects, authChecks);
}
