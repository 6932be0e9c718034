// Browser tests of the wasm wizard, served by the real `pathwise serve`, in headless Chromium.
//   node wizard.test.mjs <native build dir> <web build dir>
// Expected values are written by hand from docs/clients.md, never computed by the code under test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { assert, runAll, test } from './support/runner.mjs';
import { freePort, startPathwiseServe, startStaticServer } from './support/servers.mjs';
import { click, currentFragment, openWizard, pressKey, typeInto, waitFrames, widgetRects, wizardState } from './support/wizard_page.mjs';
import { desktopScreenshot, distinctColors } from './support/desktop.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [nativeDir, webDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!nativeDir || !webDir) {
  console.log('usage: node wizard.test.mjs <native build dir> <web build dir>\n0 passed, 1 failed');
  process.exit(2);
}
const webRoot = path.join(webDir, 'wizard');
const pathwiseBinary = path.join(nativeDir, 'native', 'pathwise');
const desktopBinary = path.join(nativeDir, 'web', 'pathwise_wizard_desktop');
const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

async function screenshot(page, name) {
  await waitFrames(page, 2);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

function paths(calls) { return calls.filter((c) => !c.websocket_upgrade).map((c) => c.path); }

// ---------------------------------------------------------------------------------------------------
// Set up: a share link per client opens its recommendation (docs/clients.md §0 "type this" and "path sent").
const setupExpectations = [
  // [fragment, base URL suffix to type, paths the client then sends (docs/clients.md)]
  ['v=1&c=claude-code', '', ['/v1/messages']],                                   // §2.3: host only, ?beta=true
  ['v=1&c=anthropic-sdk-node', '', ['/v1/messages']],                            // §2.1: host only
  ['v=1&c=openai-node', '/v1', ['/v1/chat/completions', '/v1/responses', '/v1/models']],  // §1.1
  ['v=1&c=ai-sdk-anthropic', '/v1', ['/v1/messages']],                           // §2.4: the opposite of 2.1
  ['v=1&c=ai-sdk-google', '/v1beta', ['/v1beta/models/']],                       // §3.4
  ['v=1&c=codex-cli', '/v1', ['/v1/responses']],                                 // §1.6
  ['v=1&c=google-genai-node&cv=2.32.0', '', ['/v1beta/models/']],                // §3.1: 2.x defaults to v1beta
];

for (const [fragment, suffix, expectedPaths] of setupExpectations) {
  test(`ShareLink_${fragment.split('&')[1]}_ShowsBaseUrlAndRoutedPaths`, async ({ browser, server }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openWizard(context, `${server.origin}/#${fragment}`);
      const state = await wizardState(page);
      assert.equal(state.view, 'setup');
      assert.deepEqual(state.notes, [], 'a clean link has no notes');
      assert.equal(state.recommended_base_url, server.origin + suffix);
      const sent = paths(state.calls);
      for (const expected of expectedPaths) {
        assert.ok(sent.some((p) => p.startsWith(expected)), `expected a call to ${expected}, got ${sent.join(', ')}`);
      }
      for (const call of state.calls.filter((c) => !c.websocket_upgrade)) {
        assert.notEqual(call.route_id, '', `${call.path} should reach a route`);
        assert.equal(call.base_part + call.client_part, call.path, 'the two coloured parts make the whole path');
      }
      assert.deepEqual(page.problems, []);
      if (fragment.includes('claude-code')) await screenshot(page, 'setup-claude-code');
    } finally {
      await context.close();
    }
  });
}

test('GoogleGenaiNode_Version3_NeedsTheApiVersionSetting', async ({ browser, server }) => {
  // docs/clients.md §3.1: genai 3.x defaults to v1; host only + GOOGLE_GENAI_API_VERSION=beta reaches /v1beta.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=google-genai-node&l=en`);
    const state = await wizardState(page);
    assert.equal(state.variant, '>=3.0');
    assert.equal(state.recommended_base_url, server.origin);
    assert.ok(paths(state.calls).every((p) => p.startsWith('/v1beta/')), paths(state.calls).join(', '));
    await screenshot(page, 'setup-google-genai-3');
  } finally {
    await context.close();
  }
});

test('VersionPicker_GoogleGenaiNode_OlderVariantNeedsNoSetting', async ({ browser, server }) => {
  // docs/clients.md §3.1: 2.x (what Node 20 installs) defaults to v1beta, so host only works with no extra setting.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=google-genai-node&l=en`);
    await click(page, 'version');
    await click(page, 'variant_1');
    const state = await wizardState(page);
    assert.equal(state.variant, '<=2.x');
    assert.notEqual(state.version, '', 'the picked version is in the state');
    assert.equal(new URLSearchParams(await currentFragment(page)).get('cv'), state.version);
    assert.equal(state.recommended_base_url, server.origin);
    assert.ok(paths(state.calls).every((p) => p.startsWith('/v1beta/')), paths(state.calls).join(', '));
  } finally {
    await context.close();
  }
});

test('VersionPicker_EveryVariantOfEveryClient_CanBePickedAndSurvivesTheLink', async ({ browser, server }) => {
  // The variants come from `pathwise clients --json` (the native binary, not the wasm under test). Picking
  // variant i with the mouse must make the wizard use that variant, and the share link it writes must
  // reopen on it. Variants without version bounds (Cherry Studio's builds) are the case this guards.
  assert.ok(fs.existsSync(pathwiseBinary), `needs ${pathwiseBinary}`);
  const catalog = JSON.parse(execFileSync(pathwiseBinary, ['clients', '--json']).toString());
  const multi = catalog.clients.filter((c) => c.variants.length > 1);
  const cherry = multi.find((c) => c.id === 'cherry-studio');
  // docs/clients.md: Cherry Studio's 2024–2025 builds append /v1/ unless the base ends in '/'; 2026 builds differ.
  assert.ok(cherry && cherry.variants.some((v) => v.versions === '2024–2025 builds'),
    'the catalog has Cherry Studio\'s 2024–2025 variant');
  assert.ok(multi.length >= 4, `only ${multi.length} clients have several variants`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&l=en`);
    const failures = [];
    const picked = [];
    for (const client of multi) {
      for (let i = 0; i < client.variants.length; ++i) {
        const expected = client.variants[i].versions;
        // Start each pick from the other end of the list, so a picker stuck on its current item fails.
        const start = client.variants[i === 0 ? client.variants.length - 1 : 0];
        await page.evaluate((fragment) => { location.hash = fragment; },
          `v=1&l=en&c=${encodeURIComponent(client.id)}&cv=${encodeURIComponent(start.min_version || start.versions)}`);
        await page.waitForFunction((id) => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).client === id,
          client.id, { timeout: 5000 });
        await waitFrames(page, 2);
        await click(page, 'version');
        await click(page, `variant_${i}`);
        const state = await wizardState(page);
        const cv = new URLSearchParams(await currentFragment(page)).get('cv') ?? '';
        if (state.variant !== expected) {
          failures.push(`${client.id} variant_${i}: wizard uses "${state.variant}" (version "${state.version}"), want "${expected}"`);
          continue;
        }
        if (cv !== state.version) failures.push(`${client.id} variant_${i}: link cv="${cv}", state version "${state.version}"`);
        picked.push([client.id, expected, await currentFragment(page)]);
      }
    }
    assert.deepEqual(failures, []);
    // The link written after each pick, opened again after another link, lands on the same variant.
    for (const [id, expected, fragment] of picked) {
      await page.evaluate(() => { location.hash = 'v=1&l=en'; });
      await page.waitForFunction(() => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).client === '',
        null, { timeout: 5000 });
      await page.evaluate((f) => { location.hash = f; }, fragment);
      await page.waitForFunction((c) => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).client === c,
        id, { timeout: 5000 });
      const state = await wizardState(page);
      if (state.variant !== expected) failures.push(`${id}: link #${fragment} opens "${state.variant}", want "${expected}"`);
    }
    assert.deepEqual(failures, []);
    assert.ok(picked.some(([id, v]) => id === 'cherry-studio' && v === '2024–2025 builds'), 'Cherry Studio 2024–2025 was picked');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------------
test('CheckView_AnthropicSdkWithV1_TypedByKeyboard_DiagnosesDoubledPrefix', async ({ browser, server }) => {
  // docs/clients.md §2.1: `…/v1` → /v1/v1/messages; type host only.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=anthropic-sdk-node&w=check&l=en`);
    await typeInto(page, 'typed_base_url', `${server.origin}/v1`);
    const state = await wizardState(page);
    assert.equal(state.typed_base_url, `${server.origin}/v1`);
    assert.equal(state.check.diagnosis_kind, 'duplicated_version_prefix');
    assert.equal(state.check.recommended_base_url, server.origin);
    const messages = state.check.calls.find((c) => c.path === '/v1/v1/messages');
    assert.ok(messages, `no /v1/v1/messages call in ${paths(state.check.calls).join(', ')}`);
    assert.equal(messages.route_id, '');
    const fragment = new URLSearchParams(await currentFragment(page));
    assert.equal(fragment.get('b'), `${server.origin}/v1`, 'the typed base URL is in the link');
    assert.equal(fragment.get('w'), 'check');
    await screenshot(page, 'check-anthropic-v1');
  } finally {
    await context.close();
  }
});

test('CheckView_BadInput_ShowsInlineMessageNotACrash', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node&w=check&l=en`);
    for (const [typed, code] of [['http://127.0.0.1:99999/v1', 'bad_port'], ['http://127.0.0.1:8045/ v1', 'space_inside'],
                                 ['ftp://127.0.0.1/v1', 'bad_scheme']]) {
      await typeInto(page, 'typed_base_url', typed);
      const state = await wizardState(page);
      assert.equal(state.typed_base_url, typed);
      assert.equal(state.check.error_code, code, `"${typed}"`);
      assert.ok((await widgetRects(page)).rects.check_error, 'the inline message is drawn');
    }
    await screenshot(page, 'check-bad-port');
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

test('CheckView_OpenAiFullEndpoint_NestedPathsAndFix', async ({ browser, server }) => {
  // docs/clients.md §1.1: `…/v1/chat/completions` → /v1/chat/completions/chat/completions.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const base = encodeURIComponent(`${server.origin}/v1/chat/completions`);
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node&w=check&b=${base}`);
    const state = await wizardState(page);
    assert.ok(paths(state.check.calls).includes('/v1/chat/completions/chat/completions'));
    assert.notEqual(state.check.diagnosis_kind, 'ok');
    assert.equal(state.check.recommended_base_url, `${server.origin}/v1`);
  } finally {
    await context.close();
  }
});

test('EveryClient_CheckView_AgreesWithPathwiseDoctor', async ({ browser, server }) => {
  // The wizard and `pathwise doctor` are two faces of one core: for every catalog client and a typed base
  // ending in /v1, both must report the same paths, routes, diagnosis and fix. Links are switched by
  // assigning location.hash, which also exercises the wizard's hashchange handling.
  assert.ok(fs.existsSync(pathwiseBinary), `needs ${pathwiseBinary}`);
  const catalog = JSON.parse(execFileSync(pathwiseBinary, ['clients', '--json', '--origin', server.origin]).toString());
  assert.ok(catalog.clients.length >= 20, `catalog has ${catalog.clients.length} clients`);
  const typed = `${server.origin}/v1`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=check&l=en`);
    const mismatches = [];
    for (const { id } of catalog.clients) {
      let doctorText;
      try {
        doctorText = execFileSync(pathwiseBinary, ['doctor', '--client', id, typed, '--json']).toString();
      } catch (error) {
        doctorText = error.stdout.toString();  // exit code 1 = a problem was found; the JSON is still printed
      }
      const doctor = JSON.parse(doctorText);
      await page.evaluate((fragment) => { location.hash = fragment; },
        `v=1&w=check&l=en&c=${encodeURIComponent(id)}&b=${encodeURIComponent(typed)}`);
      await page.waitForFunction((expected) => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).client === expected,
        id, { timeout: 5000 });
      const state = await wizardState(page);
      const wizardCalls = state.check.calls.map((c) => `${c.method} ${c.path}?${c.query} → ${c.route_id || '-'}`);
      const doctorCalls = doctor.calls.map((c) => `${c.method} ${c.path}?${c.query} → ${c.route || '-'}`);
      const same = JSON.stringify(wizardCalls) === JSON.stringify(doctorCalls) &&
        state.check.diagnosis_kind === doctor.diagnosis.kind &&
        state.check.recommended_base_url === doctor.recommended_base_url;
      if (!same) mismatches.push(`${id}: wizard ${state.check.diagnosis_kind} ${state.check.recommended_base_url} ` +
        `${wizardCalls.join(' | ')}\n       doctor ${doctor.diagnosis.kind} ${doctor.recommended_base_url} ${doctorCalls.join(' | ')}`);
    }
    assert.deepEqual(mismatches, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------------
test('LogView_NestedFullEndpoint_ExplainsAndFixes', async ({ browser, server }) => {
  // docs/clients.md §4: /v1/chat/completions/responses = a full chat endpoint typed as a Responses client's base.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=log&l=fr`);
    await typeInto(page, 'log_path', '/v1/chat/completions/responses');
    const state = await wizardState(page);
    assert.equal(state.log.diagnosis_kind, 'nested_full_endpoint');
    assert.equal(state.log.intended_route, 'openai.responses');
    assert.equal(state.log.fixed_base_url, `${server.origin}/v1`);
    assert.equal(new URLSearchParams(await currentFragment(page)).get('p'), '/v1/chat/completions/responses');
    await screenshot(page, 'log-nested-endpoint-fr');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------------
test('CopyLink_OpenedInANewPage_RestoresTheSameScreen', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=gemini-cli&w=check&l=es`);
    await typeInto(page, 'typed_base_url', `${server.origin}/v1beta`);
    const before = await wizardState(page);
    await click(page, 'copy_link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${server.origin}/#`), link);
    assert.ok(!/key|token|secret/i.test(link), 'no secret in the link');
    const reopened = await openWizard(context, link);
    const after = await wizardState(reopened);
    for (const field of ['view', 'client', 'version', 'typed_base_url', 'lang', 'fragment', 'check', 'calls']) {
      assert.deepEqual(after[field], before[field], field);
    }
    assert.equal(after.check.diagnosis_kind, 'doubled_gemini_version');  // docs/clients.md §3.5: /v1beta/v1beta/…
    await screenshot(reopened, 'check-gemini-cli-es-reopened');
  } finally {
    await context.close();
  }
});

test('MalformedLink_OpensWithVisibleNotes', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=no-such-client&w=nowhere&zz=1&b=%ZZ`);
    const state = await wizardState(page);
    const codes = state.notes.map((n) => `${n.field}:${n.code}`);
    assert.ok(codes.some((c) => c.startsWith('c:')), `a note about the unknown client: ${codes}`);
    assert.ok(codes.some((c) => c.startsWith('w:')), `a note about the unknown view: ${codes}`);
    assert.ok(state.notes.length >= 3, codes.join(', '));
    assert.equal(state.view, 'setup');
    assert.equal(state.client, '');
    assert.ok((await widgetRects(page)).rects.link_notes, 'the notes are drawn on screen');
    await screenshot(page, 'malformed-link-notes');
    await click(page, 'dismiss_notes');
    assert.deepEqual((await wizardState(page)).notes, []);
  } finally {
    await context.close();
  }
});

test('Language_FollowsTheBrowser_ThenThePicker', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=claude-code`);
    let state = await wizardState(page);
    assert.equal(state.lang, 'es');
    assert.equal(state.lang_explicit, false);
    assert.match(await page.title(), /Configurar/);
    await click(page, 'language');
    await click(page, 'lang_fr');
    state = await wizardState(page);
    assert.equal(state.lang, 'fr');
    assert.equal(new URLSearchParams(await currentFragment(page)).get('l'), 'fr');
    assert.match(await page.title(), /Configurer/);
  } finally {
    await context.close();
  }
});

test('AllClientsView_ListsEveryClient_ClickOpensItsSetup', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=all&l=en`);
    await screenshot(page, 'all-clients');
    const { rects } = await widgetRects(page);
    for (const id of ['openai-node', 'claude-code', 'codex-cli']) assert.ok(rects[`row_${id}`], `row for ${id}`);
    await click(page, 'row_claude-code');
    const state = await wizardState(page);
    assert.equal(state.view, 'setup');
    assert.equal(state.client, 'claude-code');
  } finally {
    await context.close();
  }
});

test('SetupView_SearchAndPickAClientWithTheMouse', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/`);
    assert.equal((await wizardState(page)).client, '');
    await typeInto(page, 'client_search', 'codex');
    const { rects } = await widgetRects(page);
    assert.ok(rects['client_codex-cli'], 'codex is listed');
    assert.ok(!rects['client_claude-code'], 'the search hides other clients');
    await click(page, 'client_codex-cli');
    const state = await wizardState(page);
    assert.equal(state.client, 'codex-cli');
    assert.equal(state.recommended_base_url, `${server.origin}/v1`);  // docs/clients.md §1.6
    assert.equal(new URLSearchParams(await currentFragment(page)).get('c'), 'codex-cli');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------------
test('LiveView_ListsAWrongPathRequestWithItsDiagnosis', async ({ browser, server }) => {
  assert.equal(server.kind, 'pathwise', 'the live view needs the real `pathwise serve`');
  const wrong = await fetch(`${server.origin}/v1/chat/completions/responses`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"model":"gpt-4o-mini","input":"hi"}' });
  await wrong.arrayBuffer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=live&l=en`);
    await page.waitForFunction(() => {
      const state = JSON.parse(Module.ccall('pathwise_state_json', 'string', [], []));
      return state.live.requests.some((r) => r.path.startsWith('/v1/chat/completions/responses'));
    }, null, { timeout: 10000 });
    const state = await wizardState(page);
    assert.equal(state.live.status, 'ok');
    const seen = state.live.requests.find((r) => r.path.startsWith('/v1/chat/completions/responses'));
    assert.equal(seen.diagnosis_kind, 'nested_full_endpoint');
    await screenshot(page, 'live');
  } finally {
    await context.close();
  }
});

// The failure receipt (issue 13): a request from the Live view becomes a link holding names, never values.
test('LiveView_CopyReceipt_LinkHoldsNamesNotSecrets_AndOpensAsAReceipt', async ({ browser, server }) => {
  assert.equal(server.kind, 'pathwise', 'the receipt needs the real `pathwise serve`');
  const secret = 'sk-ant-browser-receipt-4c1d9e';
  const wrong = await fetch(`${server.origin}/v1/v1/messages?beta=true`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-api-key': secret, 'anthropic-version': '2023-06-01',
      'User-Agent': 'claude-cli/2.1.330 (external, cli)' },
    body: '{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}' });
  await wrong.arrayBuffer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=live&l=en`);
    await page.waitForFunction(() => {
      const state = JSON.parse(Module.ccall('pathwise_state_json', 'string', [], []));
      return state.live.requests.some((r) => r.path === '/v1/v1/messages?beta=true');
    }, null, { timeout: 10000 });
    const seen = (await wizardState(page)).live.requests.find((r) => r.path === '/v1/v1/messages?beta=true');
    await click(page, `copy_receipt_${seen.unix_ms}`);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${server.origin}/#`), link);
    assert.ok(!link.includes(secret) && !link.includes('2023-06-01') && !link.includes('claude-sonnet'), link);
    const fields = new URLSearchParams(link.split('#')[1]);
    assert.equal(fields.get('w'), 'receipt');
    assert.equal(fields.get('rm'), 'POST');
    assert.equal(fields.get('rp'), '/v1/v1/messages');
    assert.equal(fields.get('rq'), 'beta', 'the query key, without its value');
    const headerNames = fields.get('rh').split(',');
    for (const name of ['x-api-key', 'anthropic-version', 'user-agent', 'content-type']) {
      assert.ok(headerNames.includes(name), `${name} in ${headerNames}`);
    }
    assert.equal(fields.get('rs'), '404');
    assert.equal(fields.get('rf'), 'proxy', 'the proxy refused it, not the upstream');
    assert.equal(fields.get('rk'), 'duplicated_version_prefix');
    assert.equal(fields.get('rc'), 'claude-code');
    assert.equal(fields.get('rcv'), '2.1.330');
    assert.equal(fields.get('rx'), server.origin);

    const opened = await openWizard(context, link);
    const state = await wizardState(opened);
    assert.equal(state.view, 'receipt');
    assert.deepEqual(state.notes, [], 'a receipt the wizard made opens without notes');
    assert.equal(state.receipt.path, '/v1/v1/messages');
    assert.equal(state.receipt.failed_at, 'proxy');
    assert.ok(state.receipt.explained.includes('Duplicated /v1 prefix'), state.receipt.explained);
    assert.ok(state.receipt.explained.includes(
      `Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to ${server.origin}`), state.receipt.explained);
    const rects = (await widgetRects(opened)).rects;
    assert.ok(rects.receipt_facts && rects.receipt_reading, 'the receipt is drawn');
    assert.deepEqual(opened.problems, []);
    await screenshot(opened, 'receipt');
  } finally {
    await context.close();
  }
});

test('LiveView_ProxyDown_SaysSoClearly', async ({ browser, server }) => {
  const closedPort = await freePort();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&w=live&o=${encodeURIComponent(`http://127.0.0.1:${closedPort}`)}`);
    await page.waitForFunction(() => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).live.status !== 'waiting',
      null, { timeout: 10000 });
    assert.equal((await wizardState(page)).live.status, 'proxy_down');
    await screenshot(page, 'live-proxy-down');
  } finally {
    await context.close();
  }
});

test('LiveView_ProxyWantsAKey_401ThenTheTypedKeyWorks_AndStaysOutOfTheLink', async ({ browser }) => {
  assert.ok(fs.existsSync(pathwiseBinary), `needs ${pathwiseBinary}`);
  const key = 'pw-browser-test-key-7f3a';
  const guarded = await startPathwiseServe(pathwiseBinary, webRoot, ['--api-key', key, '--auth-mode', 'strict']);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${guarded.origin}/#v=1&w=live&l=en`);
    await page.waitForFunction(() => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).live.status !== 'waiting',
      null, { timeout: 10000 });
    assert.equal((await wizardState(page)).live.status, 'unauthorized');
    await screenshot(page, 'live-401');
    await typeInto(page, 'api_key', key);
    await page.waitForFunction(() => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).live.status === 'ok',
      null, { timeout: 10000 });
    assert.ok(!(await page.evaluate(() => location.href)).includes(key), 'the key is not in the URL');
    assert.ok(!(await currentFragment(page)).includes(key));
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(key), 'the key is not in web storage');
  } finally {
    await context.close();
    await guarded.stop();
  }
});

// ---------------------------------------------------------------------------------------------------
// Served by: the wizard asks its proxy (GET /_pathwise/upstreams) what serves each protocol and says, under each
// call, whether it passes through or is translated (docs/translation.md "In the proxy").
async function servedByLines(page, routeId) {
  await page.waitForFunction(() => JSON.parse(Module.ccall('pathwise_state_json', 'string', [], [])).upstreams.status !== 'waiting',
    null, { timeout: 10000 });
  const state = await wizardState(page);
  return { state, lines: (state.served_by || []).filter((s) => s.route_id === routeId).map((s) => s.text) };
}

test('ServedBy_ClaudeCode_AnthropicUpstreamSpeaksOpenAiChat_SaysTranslated', async ({ browser }) => {
  assert.ok(fs.existsSync(pathwiseBinary), `needs ${pathwiseBinary}`);
  const upstream = `http://127.0.0.1:${await freePort()}/v1`;  // an Ollama-like upstream; never called here
  const translating = await startPathwiseServe(pathwiseBinary, webRoot,
    ['--upstream', `anthropic=${upstream}`, '--upstream-protocol', 'anthropic=openai-chat']);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await openWizard(context, `${translating.origin}/#v=1&c=claude-code&l=en`);
    const { state, lines } = await servedByLines(page, 'anthropic.messages');
    assert.equal(state.upstreams.status, 'ok');
    assert.deepEqual(lines, [`served by ${upstream} (speaks openai-chat): translated from anthropic`]);
    await screenshot(page, 'setup-served-by-translated');
  } finally {
    await context.close();
    await translating.stop();
  }
});

test('ServedBy_ClaudeCode_DefaultMock_SaysPassThrough', async ({ browser, server }) => {
  assert.equal(server.kind, 'pathwise', 'needs the real `pathwise serve`');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=claude-code&l=en`);
    const { lines } = await servedByLines(page, 'anthropic.messages');
    assert.deepEqual(lines, ['served by mock (speaks anthropic): pass-through']);
  } finally {
    await context.close();
  }
});

test('ServedBy_NotServedByAProxy_SaysUpstreamUnknown', async ({ browser }) => {
  const plain = await startStaticServer(webRoot);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${plain.origin}/#v=1&c=claude-code&l=en`);
    const { state, lines } = await servedByLines(page, 'anthropic.messages');
    assert.equal(state.upstreams.status, 'failed');
    assert.deepEqual(lines, ['upstream unknown — run `pathwise serve` and open the wizard from its address']);
  } finally {
    await context.close();
    await plain.stop();
  }
});

test('HighDpi_Scale2_SharpCanvasAndClicksStillLand', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node&l=en`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth };
    });
    assert.equal(canvas.cssWidth, 1000);
    assert.equal(canvas.width, 2000, 'the backing store follows devicePixelRatio');
    assert.equal((await widgetRects(page)).scale, 2);
    await click(page, 'view_log');
    assert.equal((await wizardState(page)).view, 'log');
    assert.match(await page.title(), /Explain a log line/);
    await screenshot(page, 'log-empty-dpr2');
  } finally {
    await context.close();
  }
});

test('Resize_TheCanvasFollowsTheWindow', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node`);
    await page.setViewportSize({ width: 900, height: 600 });
    await waitFrames(page, 4);
    const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(size, [900, 600]);
  } finally {
    await context.close();
  }
});

test('CheckView_CtrlV_PastesFromTheClipboard', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=ai-sdk-google&w=check&l=en`);
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${server.origin}`);
    await click(page, 'typed_base_url');
    await pressKey(page, 'KeyV', 'Control');
    await waitFrames(page, 3);
    const state = await wizardState(page);
    assert.equal(state.typed_base_url, server.origin);
    // docs/clients.md §3.4: @ai-sdk/google with host only → /models/{m}:generateContent (no version): a 404.
    assert.ok(paths(state.check.calls).some((p) => p.startsWith('/models/')), paths(state.check.calls).join(', '));
    assert.equal(state.check.recommended_base_url, `${server.origin}/v1beta`);
  } finally {
    await context.close();
  }
});

test('KeyboardOnly_TabReachesTheBaseUrlField', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node&w=check&l=en`);
    await page.focus('#canvas');
    // ImGui's Tab moves keyboard focus between text fields; the check view has exactly one.
    await pressKey(page, 'Tab');
    for (const character of 'localhost:1/v1') {
      await page.keyboard.type(character);
      await waitFrames(page, 1);
    }
    await waitFrames(page, 3);
    assert.equal((await wizardState(page)).typed_base_url, 'localhost:1/v1');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------------
test('Budget_WasmJsHtml_Under400KbGzipped', async () => {
  let total = 0;
  for (const file of ['index.html', 'index.js', 'index.wasm']) {
    const size = zlib.gzipSync(fs.readFileSync(path.join(webRoot, file)), { level: 9 }).length;
    console.log(`     ${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
    total += size;
  }
  console.log(`     total: ${(total / 1024).toFixed(1)} KB gzipped (budget 400 KB)`);
  assert.ok(total <= 400 * 1024, `${total} bytes`);
});

test('TimeToFirstFrame_IsMeasured', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openWizard(context, `${server.origin}/#v=1&c=openai-node`);
    const firstFrame = await page.evaluate(() => window.pathwiseFirstFrameMs);
    console.log(`     time to first frame: ${firstFrame.toFixed(0)} ms after navigation start`);
    assert.ok(firstFrame > 0 && firstFrame < 10000, `${firstFrame} ms`);
  } finally {
    await context.close();
  }
});

test('Desktop_UnderXvfb_DrawsTheSameWizard', async () => {
  assert.ok(fs.existsSync(desktopBinary), `desktop build missing: ${desktopBinary}`);
  const png = path.join(artifacts, 'desktop-setup-openai-node.png');
  const { state } = await desktopScreenshot(desktopBinary, '#v=1&c=openai-node&l=fr', png, here);
  assert.equal(state.client, 'openai-node');
  assert.equal(state.recommended_base_url, 'http://127.0.0.1:8045/v1');  // docs/clients.md §1.1, default address
  const colors = await distinctColors(png);
  console.log(`     desktop screenshot: ${colors} distinct colours`);
  assert.ok(colors > 50, `the window looks blank (${colors} colours)`);
});

// ---------------------------------------------------------------------------------------------------
let server;
try {
  if (fs.existsSync(pathwiseBinary)) {
    try {
      server = await startPathwiseServe(pathwiseBinary, webRoot);
    } catch (error) {
      console.log(`note: ${error.message.split('\n')[0]} — falling back to a static server`);
    }
  } else {
    console.log(`note: ${pathwiseBinary} not built — serving the wizard with a static server`);
  }
  server ??= await startStaticServer(webRoot);
  console.log(`serving ${webRoot} with ${server.kind} at ${server.origin}`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const { passed, failed } = await runAll({ browser, server });
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  console.log(`setup failed: ${error.stack || error}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  if (server) await server.stop();
}
