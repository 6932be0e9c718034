// run_client.mjs — one way to run any subject: SDK jobs in one Node 22 child per batch, a CLI once per base.
import path from 'node:path';
import { CLI_CLIENTS, CLIENTS_DIR, NODE22, NODE_BIN_DIR, makeHome } from './cli_clients.mjs';
import { run } from './processes.mjs';

const DRIVER = path.join(CLIENTS_DIR, 'drivers/sdk_driver.mjs');
const SDK_TIMEOUT_PER_JOB_MS = 20000;

// jobs: [{base, action, key, env?, unsetEnv?}] -> one {ok, text, status, message} per job.
export async function runSdkJobs(subject, jobs, guardEnv, home) {
  const input = JSON.stringify({ sdk: subject.driver, jobs: jobs.map((j) => ({ model: subject.model, ...j })) });
  const env = { PATH: `${NODE_BIN_DIR}:/usr/bin:/bin`, HOME: home, ...guardEnv, ...subject.env };
  const result = await run(NODE22, ['--no-warnings', DRIVER], { env, cwd: home, input, timeoutMs: 30000 + SDK_TIMEOUT_PER_JOB_MS * jobs.length });
  const last = result.stdout.trim().split('\n').pop();
  try {
    const parsed = JSON.parse(last);
    if (Array.isArray(parsed) && parsed.length === jobs.length) return parsed;
  } catch { /* reported below */ }
  const why = result.timedOut ? 'timed out' : `exit ${result.code}`;
  return jobs.map(() => ({ ok: false, status: null, message: `SDK driver ${why}: ${result.stderr.trim().slice(-600)}` }));
}

// -> {ok (exit 0), text (stdout), output (stdout+stderr), code, timedOut, ms}
// prompt/extraArgs: see cli_clients.mjs; prepareHome(home): writes files the run needs into its HOME (= its cwd).
export async function runCli(subject, { base, key, guardEnv, homesRoot, settings, authStyle, prompt, extraArgs, prepareHome, timeoutMs = 90000 }) {
  // A subject may run a recipe of its own (OpenCode's ANTHROPIC_BASE_URL mode) for its catalog id's rules.
  const recipe = CLI_CLIENTS[subject.recipe ?? subject.catalogId];
  const home = makeHome(homesRoot, subject.catalogId);
  prepareHome?.(home);
  const prepared = recipe.prepare({ home, base, key, guardEnv, settings, authStyle, prompt, extraArgs });
  const result = await run(prepared.command, prepared.args, { env: prepared.env, cwd: home, timeoutMs });
  return { ok: result.code === 0 && !result.timedOut, text: result.stdout.trim(), output: `${result.stdout}\n${result.stderr}`,
    code: result.code, timedOut: result.timedOut, ms: result.ms, home };
}
