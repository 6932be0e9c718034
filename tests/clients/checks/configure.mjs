// configure.mjs — `pathwise scan` and `pathwise configure` against what a user really writes, then the real client:
//   1. a throwaway HOME holds the client's own config file with a WRONG base URL (a real `pathwise serve` on
//      loopback, mock upstream, is what it names);
//   2. `scan --json` finds it: exit 1, the wrong value in effect with its file and key, a diagnosis, the base to
//      type instead, a Pathwise listening there, and the client's replayed call answered 404;
//   3. `configure PRODUCT --yes --json` writes it: exit 0, a backup holding the original bytes, and only the
//      value changed;
//   4. `scan --json` again: the product is ok;
//   5. a second `configure` changes nothing and keeps no second backup;
//   6. the REAL client, started on that HOME with no base URL on its command line or in its environment
//      (lib/cli_clients.mjs FILE_CONFIGURED_CLIENTS), reaches the proxy's route: the proxy's own request feed
//      (/_pathwise/requests) shows the call answered 200, and the client exits 0 with text.
// The expected bases come from docs/clients.md (lib/subjects.mjs `recommended`), not from the code under test.
import fs from 'node:fs';
import path from 'node:path';
import { CLIENTS_DIR, FILE_CONFIGURED_CLIENTS, NODE_BIN_DIR } from '../lib/cli_clients.mjs';
import { startServe } from '../lib/pathwise.mjs';
import { run } from '../lib/processes.mjs';
import { SUBJECTS } from '../lib/subjects.mjs';

const GROUP = 'configure';
// A run that answers ends in seconds (Kilo ~8 s); the bound is for a hung client on a loaded 2-core machine.
const CLIENT_TIMEOUT_MS = 100000;
const PATHWISE_TIMEOUT_MS = 20000;
const clip = (text, n = 400) => String(text ?? '').replaceAll('\n', ' ').slice(0, n);
const recommended = (catalogId) => {
  const subject = SUBJECTS.find((s) => s.catalogId === catalogId);
  if (!subject) throw new Error(`no subject ${catalogId} in lib/subjects.mjs`);
  return subject.recommended;
};

// ---- what a user would have written, per product ---------------------------------------------------------------
// files: [{rel (to HOME), text(values), expect: 'value' | check(afterText) -> problem}] — `text(wrong)` is written
//   first; for 'value' files, `text(fixed)` is exactly what configure must leave (every other byte kept).
// wrong: [{rel, key, catalogId}] — the base URL settings in effect (value = the setting's wrong value).
// runs:  the real client runs after configure, each with the route the proxy must have answered.

function claudeCode(origin) {
  const text = (v) => `${JSON.stringify({ env: { ANTHROPIC_BASE_URL: v.base }, cleanupPeriodDays: 30 }, null, 2)}\n`;
  return {
    id: 'claude-code',
    wrongValues: { base: `${origin}/v1` },
    fixedValues: { base: origin + recommended('claude-code') },
    files: [{ rel: '.claude/settings.json', text, expect: 'value' }],
    wrong: [{ rel: '.claude/settings.json', key: 'env.ANTHROPIC_BASE_URL', catalogId: 'claude-code', value: 'base' }],
    runs: [{ name: 'Claude Code', key: 'pw-configure-claude-code', method: 'POST', path: '/v1/messages', route: 'anthropic.messages' }],
  };
}

function codex(origin) {
  const text = (v) => [
    'model = "gpt-5-codex"', 'model_provider = "proxy"', '',
    '[model_providers.proxy]', 'name = "My proxy"', `base_url = ${JSON.stringify(v.base)}`,
    'env_key = "PATHWISE_TEST_KEY"', 'wire_api = "responses"', '',
    '[analytics]', 'enabled = false', '', '[feedback]', 'enabled = false', '',
  ].join('\n');
  return {
    id: 'codex',
    // Host only: Codex's custom provider appends /responses, which misses.
    wrongValues: { base: origin },
    fixedValues: { base: origin + recommended('codex-cli') },
    // CODEX_HOME is left unset (here and for the client): the default ~/.codex is what is tested.
    files: [{ rel: '.codex/config.toml', text, expect: 'value' }],
    wrong: [{ rel: '.codex/config.toml', key: 'model_providers.proxy.base_url', catalogId: 'codex-cli', value: 'base' }],
    runs: [{ name: 'Codex CLI', key: 'pw-configure-codex', method: 'POST', path: '/v1/responses', route: 'openai.responses' }],
  };
}

const GEMINI_QUIET = {
  general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
  privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false },
};

function geminiCli(origin) {
  const checkSettings = (after) => {
    let parsed;
    try { parsed = JSON.parse(after); } catch (error) { return `settings.json is no longer JSON: ${error.message}`; }
    const wanted = { ...GEMINI_QUIET, security: { auth: { selectedType: 'gemini-api-key' } } };
    return JSON.stringify(sortKeys(parsed)) === JSON.stringify(sortKeys(wanted)) ? ''
      : `settings.json should be the original keys plus security.auth.selectedType = "gemini-api-key", is ${clip(after)}`;
  };
  return {
    id: 'gemini-cli',
    wrongValues: { base: `${origin}/v1beta` },
    fixedValues: { base: origin + recommended('gemini-cli') },
    files: [
      { rel: '.gemini/.env', text: (v) => `GOOGLE_GEMINI_BASE_URL=${v.base}\n`, expect: 'value' },
      // Without security.auth.selectedType, -p exits with "Invalid auth method selected." once the base is set.
      { rel: '.gemini/settings.json', text: () => `${JSON.stringify(GEMINI_QUIET, null, 2)}\n`, expect: checkSettings },
    ],
    wrong: [{ rel: '.gemini/.env', key: 'GOOGLE_GEMINI_BASE_URL', catalogId: 'gemini-cli', value: 'base' }],
    problemsMention: ['security.auth.selectedType'],
    runs: [{ name: 'Gemini CLI', key: 'pw-configure-gemini-cli', method: 'POST',
      path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', route: 'gemini.stream_generate_content' }],
  };
}

// Kilo: the three built-in AI SDK providers, each with host only (each appends its path without a version).
const KILO = [
  { provider: 'openai', catalogId: 'kilo-cli.openai', model: 'gpt-4o-mini', path: '/v1/responses', route: 'openai.responses' },
  { provider: 'anthropic', catalogId: 'kilo-cli.anthropic', model: 'claude-sonnet-4-5', path: '/v1/messages', route: 'anthropic.messages' },
  { provider: 'google', catalogId: 'kilo-cli.google', model: 'gemini-2.5-flash',
    path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', route: 'gemini.stream_generate_content' },
];

// Kilo and OpenCode (its upstream) read the same provider.<id>.options block: one user file per product, holding
// the three built-in providers with their keys. `models` lists each model (Kilo needs it; OpenCode knows them).
function aiSdkProduct({ id, providers, rel, schema, models }) {
  return (origin) => {
    const keyOf = (p) => `pw-configure-${id}-${p.provider}`;
    const text = (v) => {
      const provider = {};
      for (const p of providers) {
        provider[p.provider] = { options: { baseURL: v[p.provider], apiKey: keyOf(p) },
          ...(models ? { models: { [p.model]: { name: p.model } } } : {}) };
      }
      return `${JSON.stringify({ $schema: schema, autoupdate: false, share: 'disabled',
        ...(models ? { model: 'anthropic/claude-sonnet-4-5' } : {}), provider }, null, 2)}\n`;
    };
    return {
      id,
      wrongValues: Object.fromEntries(providers.map((p) => [p.provider, origin])),
      fixedValues: Object.fromEntries(providers.map((p) => [p.provider, origin + recommended(p.catalogId)])),
      files: [{ rel, text, expect: 'value' }],
      wrong: providers.map((p) => ({ rel, key: `provider.${p.provider}.options.baseURL`, catalogId: p.catalogId, value: p.provider })),
      secrets: providers.map(keyOf),
      runs: providers.map((p) => ({ name: `${p.product} (${p.provider})`, key: keyOf(p), model: `${p.provider}/${p.model}`,
        method: 'POST', path: p.path, route: p.route })),
    };
  };
}

const kilo = aiSdkProduct({ id: 'kilo', providers: KILO.map((p) => ({ ...p, product: 'Kilo CLI' })),
  rel: '.config/kilo/kilo.json', schema: 'https://app.kilo.ai/config.json', models: true });
// OpenCode 1.18.33: the same three built-in providers, in the global opencode.jsonc (the file it creates itself).
const opencode = aiSdkProduct({ id: 'opencode',
  providers: KILO.map((p) => ({ ...p, product: 'OpenCode', catalogId: p.catalogId.replace('kilo-cli.', 'opencode.') })),
  rel: '.config/opencode/opencode.jsonc', schema: 'https://opencode.ai/config.json', models: false });

const PRODUCTS = [claudeCode, codex, geminiCli, kilo, opencode];

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

// ---- helpers ----------------------------------------------------------------------------------------------------

// scan/configure see only HOME, PATH (with the pinned clients on it, so scan checks their installed versions)
// and XDG_* inside HOME: nothing of the caller's environment.
function pathwiseEnv(home) {
  return { HOME: home, PATH: `${path.join(CLIENTS_DIR, 'node_modules/.bin')}:${NODE_BIN_DIR}:/usr/bin:/bin`,
    XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local/state') };
}

// -> {code, json | null, stdout, stderr, command}
async function pathwise(ctx, home, cwd, args, extraEnv = {}) {
  const command = `pathwise ${args.join(' ')}`;
  let result;
  for (let attempt = 0; attempt < 3; attempt++) {
    result = await run(ctx.binary, args, { env: { ...pathwiseEnv(home), ...extraEnv }, cwd, timeoutMs: PATHWISE_TIMEOUT_MS });
    // The binary may be being replaced by a rebuild: wait and try again.
    if (result.code !== null || !/ETXTBSY|ENOENT/.test(result.stderr)) break;
    ctx.tally.note(`${command}: the binary could not be started (${clip(result.stderr, 120)}); retried after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 30000));
  }
  let json = null;
  try { json = JSON.parse(result.stdout); } catch { /* reported by the checks */ }
  return { code: result.code, timedOut: result.timedOut, json, stdout: result.stdout, stderr: result.stderr, command };
}

const outcome = (r) => `\`${r.command}\` exit ${r.code}${r.timedOut ? ' (timed out)' : ''}${r.json ? '' : `, no JSON: ${clip(r.stderr || r.stdout, 300)}`}`;

function backupsIn(folders) {
  const found = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) if (name.includes('.pathwise-backup-')) found.push(path.join(folder, name));
  }
  return found.sort();
}

async function proxyRequests(serve) {
  try {
    const res = await fetch(`${serve.origin}/_pathwise/requests`);
    if (!res.ok) return [];
    return (await res.json()).requests ?? [];
  } catch {
    return [];
  }
}

const described = (q) => `${q.method} ${q.path} → ${q.route_id || 'no route'} ${q.status}`;

// ---- the checks, per product ------------------------------------------------------------------------------------

async function checkProduct(ctx, make) {
  const { tally } = ctx;
  const serve = await startServe(ctx.binary, [], ctx.makeHome('serve-configure'));
  if (serve.error) {
    tally.add(GROUP, `configure ${make.name}: pathwise serve starts`, false, serve.error, { product: make.name, step: 'serve', check: 'pathwise serve starts' });
    return;
  }
  try {
    await checkWithServe(ctx, serve, make(serve.origin));
  } finally {
    await serve.stop();
  }
}

async function checkWithServe(ctx, serve, p) {
  const { tally } = ctx;
  const origin = serve.origin;
  const shown = (text) => String(text).replaceAll(origin, 'origin');
  const add = (step, name, pass, detail) => tally.add(GROUP, `configure ${p.id}: ${name}`, pass, shown(detail), { product: p.id, step, check: name });

  const home = ctx.makeHome(`configure-${p.id}`);
  const project = path.join(home, 'project');
  fs.mkdirSync(project, { recursive: true });
  const abs = (rel) => path.join(home, rel);
  const originals = new Map();
  for (const file of p.files) {
    const text = file.text(p.wrongValues);
    fs.mkdirSync(path.dirname(abs(file.rel)), { recursive: true });
    fs.writeFileSync(abs(file.rel), text);
    originals.set(file.rel, text);
  }
  const folders = [...new Set(p.files.map((f) => path.dirname(abs(f.rel))))];
  const secrets = [...(p.secrets ?? []), ...p.runs.map((r) => r.key)];
  const leaked = (r) => secrets.filter((s) => r.stdout.includes(s) || r.stderr.includes(s));
  const productOf = (r) => r.json?.products?.find((x) => x.product === p.id);
  const settingAt = (product, w) => product?.settings?.find((s) => s.role === 'base_url' && s.file === abs(w.rel) && s.key === w.key);

  // 1–2. scan finds the wrong settings.
  const scanArgs = ['scan', '--json', '--project', project];
  const before = await pathwise(ctx, home, project, scanArgs);
  {
    const problems = [];
    if (before.code !== 1) problems.push(`exit ${before.code}, expected 1`);
    if (!before.json) problems.push(outcome(before));
    const product = productOf(before);
    if (before.json && !product) problems.push(`${p.id} is not listed (products: ${before.json.products?.map((x) => x.product).join(', ')})`);
    if (product) {
      if (product.ok !== false) problems.push(`${p.id}.ok is ${product.ok}, expected false`);
      if (product.configure !== `pathwise configure ${p.id}`) problems.push(`configure is ${JSON.stringify(product.configure)}`);
      for (const text of p.problemsMention ?? []) {
        if (!product.problems?.some((x) => x.includes(text))) problems.push(`no problem mentions ${text}: ${JSON.stringify(product.problems)}`);
      }
      for (const w of p.wrong) {
        const s = settingAt(product, w);
        const value = p.wrongValues[w.value];
        const base = origin + recommended(w.catalogId);
        if (!s) { problems.push(`no base_url setting ${w.key} in ${abs(w.rel)}: ${clip(JSON.stringify(product.settings), 600)}`); continue; }
        const replayed = s.replayed ?? [];
        const wrongs = [
          s.value !== value && `value ${s.value}, expected ${value}`,
          s.in_effect !== true && `in_effect ${s.in_effect} (${s.not_used_because})`,
          s.client !== w.catalogId && `client ${s.client}, expected ${w.catalogId}`,
          (!s.diagnosis || s.diagnosis.kind === 'ok') && `diagnosis ${JSON.stringify(s.diagnosis?.kind ?? null)}, expected a miss`,
          s.recommended_base_url !== base && `recommended_base_url ${s.recommended_base_url}, expected ${base}`,
          s.listener?.kind !== 'pathwise' && `listener ${JSON.stringify(s.listener)}, expected kind pathwise`,
          (replayed.length === 0 || replayed.some((r) => r.status !== 404)) && `replayed ${JSON.stringify(replayed.map((r) => `${r.method} ${r.target} ${r.status}`))}, expected 404s`,
        ].filter(Boolean);
        if (wrongs.length) problems.push(`${w.key}: ${wrongs.join('; ')}`);
      }
    }
    const leaks = leaked(before);
    if (leaks.length) problems.push(`the output holds API key values: ${leaks.join(', ')}`);
    const keys = p.wrong.map((w) => w.key).join(', ');
    add('scan before', `scan finds the wrong ${keys} in ~/${p.wrong[0].rel} (exit 1, a miss, 404 replayed at a Pathwise)`,
      problems.length === 0, `${problems.join(' | ')} — ${before.command}`);
  }

  // 3. configure writes, with a backup of the original bytes.
  const configureArgs = ['configure', p.id, '--yes', '--json', '--project', project, '--origin', origin];
  const first = await pathwise(ctx, home, project, configureArgs);
  {
    const problems = [];
    if (first.code !== 0) problems.push(`exit ${first.code}, expected 0: ${clip(first.stderr || first.stdout)}`);
    if (!first.json) problems.push(outcome(first));
    if (first.json) {
      if (first.json.written !== true) problems.push(`written ${first.json.written}`);
      if (first.json.already_configured !== false) problems.push(`already_configured ${first.json.already_configured}`);
      for (const file of p.files) {
        const entry = first.json.files?.find((f) => f.file === abs(file.rel));
        if (!entry) { problems.push(`${file.rel} not in files: ${JSON.stringify(first.json.files?.map((f) => f.file))}`); continue; }
        if (entry.changed !== true || entry.existed !== true) problems.push(`${file.rel}: changed ${entry.changed}, existed ${entry.existed}`);
        if (!entry.backup) { problems.push(`${file.rel}: no backup`); continue; }
        if (!fs.existsSync(entry.backup)) { problems.push(`${file.rel}: backup ${entry.backup} does not exist`); continue; }
        if (!fs.readFileSync(entry.backup).equals(Buffer.from(originals.get(file.rel)))) problems.push(`${file.rel}: backup ${entry.backup} does not hold the original bytes`);
      }
    }
    add('configure', `configure --yes writes ${p.files.map((f) => `~/${f.rel}`).join(' and ')}, keeping a backup of the original bytes`,
      problems.length === 0, `${problems.join(' | ')} — ${first.command}`);
  }
  {
    const problems = [];
    for (const file of p.files) {
      const after = fs.readFileSync(abs(file.rel), 'utf8');
      if (file.expect === 'value') {
        const wanted = file.text(p.fixedValues);
        if (after !== wanted) problems.push(`~/${file.rel} is ${JSON.stringify(after)}, expected ${JSON.stringify(wanted)}`);
      } else {
        const problem = file.expect(after);
        if (problem) problems.push(`~/${file.rel}: ${problem}`);
      }
    }
    add('configure', 'only the base URL (and the settings it needs) changed: every other byte kept', problems.length === 0, problems.join(' | '));
  }

  // 4. scan again: the product is ok.
  const after = await pathwise(ctx, home, project, scanArgs);
  {
    const problems = [];
    if (!after.json) problems.push(outcome(after));
    const product = productOf(after);
    if (after.json && !product) problems.push(`${p.id} is not listed`);
    if (product) {
      if (product.ok !== true) problems.push(`${p.id}.ok is ${product.ok}: ${JSON.stringify(product.problems)}`);
      for (const w of p.wrong) {
        const s = settingAt(product, w);
        const base = origin + recommended(w.catalogId);
        if (!s) problems.push(`no base_url setting ${w.key} in ${abs(w.rel)}`);
        else if (s.value !== base || s.in_effect !== true || s.diagnosis?.kind !== 'ok') {
          problems.push(`${w.key}: value ${s.value} (expected ${base}), in_effect ${s.in_effect}, diagnosis ${s.diagnosis?.kind}`);
        }
      }
    }
    // Nothing else in this HOME is configured, so nothing else may be wrong either.
    const others = (after.json?.products ?? []).filter((x) => x.product !== p.id && x.ok === false);
    if (others.length) problems.push(`other products wrong in this HOME: ${others.map((x) => `${x.product}: ${x.problems.join('; ')}`).join(' / ')}`);
    if (after.json && after.code !== (others.length || product?.ok === false ? 1 : 0)) problems.push(`exit ${after.code} with ok ${after.json.ok}`);
    const leaks = leaked(after);
    if (leaks.length) problems.push(`the output holds API key values: ${leaks.join(', ')}`);
    add('scan after', 'scan after configure says ok (exit 0)', problems.length === 0, `${problems.join(' | ')} — ${after.command}`);
  }

  // 5. configure again: nothing to do, no second backup.
  const backups = backupsIn(folders);
  const second = await pathwise(ctx, home, project, configureArgs);
  {
    const problems = [];
    if (second.code !== 0) problems.push(`exit ${second.code}, expected 0: ${clip(second.stderr || second.stdout)}`);
    if (!second.json) problems.push(outcome(second));
    if (second.json) {
      if (second.json.already_configured !== true) problems.push(`already_configured ${second.json.already_configured}`);
      if (second.json.written !== false) problems.push(`written ${second.json.written}`);
      const changed = (second.json.files ?? []).filter((f) => f.changed);
      if (changed.length) problems.push(`changed again: ${changed.map((f) => `${f.file}: ${clip(f.diff, 300)}`).join(' / ')}`);
    }
    const now = backupsIn(folders);
    if (now.join('\n') !== backups.join('\n')) problems.push(`backups were ${JSON.stringify(backups)}, are ${JSON.stringify(now)}`);
    add('configure again', 'a second configure says already_configured and keeps no second backup', problems.length === 0,
      `${problems.join(' | ')} — ${second.command}`);
  }

  // 6. the real client, with what configure wrote and nothing else.
  for (const r of p.runs) {
    const prepared = FILE_CONFIGURED_CLIENTS[p.id]({ home, key: r.key, guardEnv: ctx.guard.env, model: r.model });
    const smuggled = [...Object.entries(prepared.env).filter(([name, value]) => /BASE_URL|BASEURL|CONFIG_CONTENT/i.test(name) || String(value).includes(origin)).map(([n]) => n),
      ...prepared.args.filter((a) => a.includes(origin))];
    const t0 = Date.now();
    const result = await run(prepared.command, prepared.args, { env: prepared.env, cwd: project, timeoutMs: CLIENT_TIMEOUT_MS });
    const seen = (await proxyRequests(serve)).filter((q) => q.unix_ms >= t0 - 5 && q.route_id !== 'pathwise.requests');
    const hit = seen.find((q) => q.method === r.method && q.path.split('?')[0] === r.path && q.route_id === r.route && q.status === 200);
    const text = result.stdout.trim();
    const problems = [];
    if (smuggled.length) problems.push(`the run was given the base URL itself: ${smuggled.join(', ')}`);
    if (!hit) problems.push(`the proxy saw no ${r.method} ${r.path} → ${r.route} 200; it saw: ${seen.map(described).join(', ') || 'nothing'}`);
    if (result.code !== 0 || result.timedOut) problems.push(`exit ${result.code}${result.timedOut ? ' (timed out)' : ''}`);
    else if (!text) problems.push('exit 0 with no answer');
    if (problems.length) problems.push(`output: ${clip(`${result.stdout}\n${result.stderr}`.trim().slice(-1200), 1200)}`);
    add('real client', `real ${r.name} reaches ${r.route} (${r.method} ${r.path}) after configure`,
      problems.length === 0, `${problems.join(' | ')} (${Math.round(result.ms / 1000)} s)`);
  }
}

// Precedence as the scan states it, checked against the real client: Kilo's KILO_CONFIG_CONTENT beats its global
// kilo.json (docs/client-settings.md, measured 7.7.7). The file names a port nothing listens on, the variable
// names the proxy: the scan must say the variable is in effect and right, and real Kilo must reach the proxy.
async function kiloConfigContentPrecedence(ctx) {
  const { tally } = ctx;
  const add = (name, pass, detail) => tally.add(GROUP, `precedence kilo: ${name}`, pass, detail, { product: 'kilo', step: 'precedence', check: name });
  const serve = await startServe(ctx.binary, [], ctx.makeHome('serve-kilo-precedence'));
  if (serve.error) { add('pathwise serve starts', false, serve.error); return; }
  try {
    const home = ctx.makeHome('kilo-precedence');
    const project = path.join(home, 'project');
    fs.mkdirSync(project, { recursive: true });
    const key = 'pw-precedence-kilo-openai';
    const closed = 'http://127.0.0.1:9/v1';  // port 9 (discard): nothing listens on loopback
    const config = (base) => JSON.stringify({ $schema: 'https://app.kilo.ai/config.json', autoupdate: false, share: 'disabled',
      provider: { openai: { options: { baseURL: base, apiKey: key }, models: { 'gpt-4o-mini': { name: 'gpt-4o-mini' } } } } });
    const file = path.join(home, '.config/kilo/kilo.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${config(closed)}\n`);
    const content = { KILO_CONFIG_CONTENT: config(serve.origin + recommended('kilo-cli.openai')) };

    const scanned = await pathwise(ctx, home, project, ['scan', '--json', '--no-probe', '--project', project], content);
    const kilo = scanned.json?.products?.find((x) => x.product === 'kilo');
    const inVariable = kilo?.settings?.find((x) => x.variable === 'KILO_CONFIG_CONTENT' && x.key === 'provider.openai.options.baseURL');
    const inFile = kilo?.settings?.find((x) => x.file === file && x.key === 'provider.openai.options.baseURL');
    const problems = [
      !scanned.json && outcome(scanned),
      !inVariable && `no setting from $KILO_CONFIG_CONTENT: ${clip(JSON.stringify(kilo?.settings), 600)}`,
      inVariable && (inVariable.in_effect !== true || inVariable.diagnosis?.kind !== 'ok') && `the variable's value: in_effect ${inVariable.in_effect}, diagnosis ${inVariable.diagnosis?.kind}`,
      inFile?.in_effect !== false && `the file's value: in_effect ${inFile?.in_effect}, expected false`,
      (scanned.stdout.includes(key) || scanned.stderr.includes(key)) && 'the output holds the API key',
    ].filter(Boolean);
    add('scan says KILO_CONFIG_CONTENT beats ~/.config/kilo/kilo.json', problems.length === 0, `${problems.join(' | ')} — ${scanned.command}`);

    const prepared = FILE_CONFIGURED_CLIENTS.kilo({ home, key, guardEnv: ctx.guard.env, model: 'openai/gpt-4o-mini' });
    const t0 = Date.now();
    const result = await run(prepared.command, prepared.args, { env: { ...prepared.env, ...content }, cwd: project, timeoutMs: CLIENT_TIMEOUT_MS });
    const seen = (await proxyRequests(serve)).filter((q) => q.unix_ms >= t0 - 5 && q.route_id !== 'pathwise.requests');
    const hit = seen.find((q) => q.method === 'POST' && q.path.split('?')[0] === '/v1/responses' && q.route_id === 'openai.responses' && q.status === 200);
    const runProblems = [
      !hit && `the proxy saw no POST /v1/responses → openai.responses 200; it saw: ${seen.map(described).join(', ') || 'nothing'}`,
      (result.code !== 0 || result.timedOut) && `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}: ${clip(`${result.stdout}\n${result.stderr}`.trim().slice(-800), 800)}`,
    ].filter(Boolean);
    add('real Kilo, given both, reaches the proxy named in KILO_CONFIG_CONTENT', runProblems.length === 0,
      `${runProblems.join(' | ')} (${Math.round(result.ms / 1000)} s)`);
  } finally {
    await serve.stop();
  }
}

// One shell, two clients (docs/client-settings.md): ANTHROPIC_BASE_URL at the host is right for Claude Code and wrong for
// OpenCode, which appends only /messages. scan must say exactly that; configure opencode must fix OpenCode in its own
// file and leave the variable; then the REAL Claude Code and the REAL OpenCode, both given that same variable, must
// each reach the proxy's /v1/messages.
async function sharedAnthropicBaseUrl(ctx) {
  const { tally } = ctx;
  const add = (name, pass, detail) => tally.add(GROUP, `shared ANTHROPIC_BASE_URL: ${name}`, pass, detail, { product: 'claude-code + opencode', step: 'shared variable', check: name });
  const serve = await startServe(ctx.binary, [], ctx.makeHome('serve-shared-anthropic'));
  if (serve.error) { add('pathwise serve starts', false, serve.error); return; }
  try {
    const origin = serve.origin;
    const shown = (text) => String(text).replaceAll(origin, 'origin');
    const home = ctx.makeHome('shared-anthropic');
    const project = path.join(home, 'project');
    fs.mkdirSync(project, { recursive: true });
    const shell = { ANTHROPIC_BASE_URL: origin + recommended('claude-code') };
    const settingOf = (r, product) => r.json?.products?.find((x) => x.product === product)?.settings
      ?.find((x) => x.role === 'base_url' && x.key === 'ANTHROPIC_BASE_URL' && !x.file);
    const scanArgs = ['scan', '--json', '--no-probe', '--project', project];

    const before = await pathwise(ctx, home, project, scanArgs, shell);
    const claude = settingOf(before, 'claude-code');
    const open = settingOf(before, 'opencode');
    const wanted = origin + recommended('opencode.anthropic');
    const problems = [
      !before.json && outcome(before),
      claude?.diagnosis?.kind !== 'ok' && `Claude Code's reading: ${JSON.stringify(claude?.diagnosis)} (expected ok)`,
      open?.client !== 'opencode.anthropic' && `OpenCode's reading names client ${open?.client}`,
      (!open?.diagnosis || open.diagnosis.kind === 'ok') && `OpenCode's reading: ${JSON.stringify(open?.diagnosis)} (expected a miss)`,
      open?.recommended_base_url !== wanted && `OpenCode's recommended base ${open?.recommended_base_url}, expected ${wanted}`,
    ].filter(Boolean);
    add('scan says the host is right for Claude Code and wrong for OpenCode (…/v1)', problems.length === 0, shown(`${problems.join(' | ')} — ${before.command}`));

    const configured = await pathwise(ctx, home, project, ['configure', 'opencode', '--yes', '--json', '--project', project, '--origin', origin], shell);
    const file = path.join(home, '.config/opencode/opencode.jsonc');
    let written = null;
    try { written = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* reported */ }
    const after = await pathwise(ctx, home, project, scanArgs, shell);
    const ok = (product) => after.json?.products?.find((x) => x.product === product)?.ok === true;
    const configureProblems = [
      configured.code !== 0 && `configure exit ${configured.code}: ${clip(configured.stderr || configured.stdout)}`,
      written?.provider?.anthropic?.options?.baseURL !== wanted && `~/.config/opencode/opencode.jsonc holds ${JSON.stringify(written)}`,
      !ok('opencode') && 'scan after: opencode not ok',
      !ok('claude-code') && 'scan after: claude-code not ok',
    ].filter(Boolean);
    add('configure opencode fixes it in opencode.jsonc, the variable stays, both are ok', configureProblems.length === 0,
      shown(`${configureProblems.join(' | ')} — ${configured.command}`));

    const runs = [
      { name: 'Claude Code', prepared: FILE_CONFIGURED_CLIENTS['claude-code']({ home, key: 'pw-shared-claude', guardEnv: ctx.guard.env }) },
      { name: 'OpenCode', prepared: FILE_CONFIGURED_CLIENTS.opencode({ home, guardEnv: ctx.guard.env, model: 'anthropic/claude-sonnet-4-5',
        env: { ANTHROPIC_API_KEY: 'pw-shared-opencode' } }) },
    ];
    for (const { name, prepared } of runs) {
      const t0 = Date.now();
      const result = await run(prepared.command, prepared.args, { env: { ...prepared.env, ...shell }, cwd: project, timeoutMs: CLIENT_TIMEOUT_MS });
      const seen = (await proxyRequests(serve)).filter((q) => q.unix_ms >= t0 - 5 && q.route_id !== 'pathwise.requests');
      const hit = seen.find((q) => q.method === 'POST' && q.path.split('?')[0] === '/v1/messages' && q.status === 200);
      const runProblems = [
        !hit && `the proxy saw no POST /v1/messages 200; it saw: ${seen.map(described).join(', ') || 'nothing'}`,
        (result.code !== 0 || result.timedOut) && `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}: ${clip(`${result.stdout}\n${result.stderr}`.trim().slice(-800), 800)}`,
      ].filter(Boolean);
      add(`real ${name} with that shell reaches POST /v1/messages`, runProblems.length === 0, shown(`${runProblems.join(' | ')} (${Math.round(result.ms / 1000)} s)`));
    }
  } finally {
    await serve.stop();
  }
}

export async function configureChecks(ctx) {
  // Each product has its own HOME and its own proxy (so the proxy's feed tells whose request it was): they run
  // side by side.
  await Promise.all([...PRODUCTS.map((make) => checkProduct(ctx, make)), kiloConfigContentPrecedence(ctx), sharedAnthropicBaseUrl(ctx)]);
}
