// subjects.mjs — the real clients under test, and what docs/clients.md says about each (hand-copied
// from its §0 table and sections 1–3; never taken from the code under test):
//   recommended: the suffix to type after the proxy origin (§0 "type this"),
//   settings:    what else the client needs to reach the proxy (§0, §3.1: GOOGLE_GENAI_API_VERSION=beta),
//   auth:        the header the client sends its key in (measured),
//   mistakes:    common wrong bases measured to miss (§0 "what goes wrong otherwise"), each with what a
//                helpful 404 must mention (`mentions`: the base URL to type instead, as a suffix of the origin;
//                or, when it is not a path, words separated by '|', any of which will do).
import fs from 'node:fs';
import path from 'node:path';
import { CLIENTS_DIR } from './cli_clients.mjs';

export function installedVersion(pkg) {
  return JSON.parse(fs.readFileSync(path.join(CLIENTS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

const MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5', gemini: 'gemini-2.5-flash' };

const OPENAI_MISTAKES = [{ suffix: '', mentions: '/v1' }, { suffix: '/v1/chat/completions', mentions: '/v1' }];

function sdk(label, catalogId, driver, pkg, protocol, facts) {
  return { kind: 'sdk', label, catalogId, driver, pkg, protocol, model: MODELS[protocol], env: {}, settings: [], ...facts };
}
function cli(label, catalogId, protocol, facts) {
  return { kind: 'cli', label, catalogId, protocol, env: {}, settings: [], ...facts };
}

export const SUBJECTS = [
  sdk('openai', 'openai-node', 'openai', 'openai', 'openai', {
    actions: ['chat', 'chat_stream', 'responses', 'responses_stream', 'models'], e2e: ['chat', 'chat_stream', 'responses_stream', 'models'],
    auth: 'Authorization: Bearer', recommended: '/v1',
    // GET /v1beta/models is Gemini's list: once read silently as empty (measured 2026-12-01); now the proxy knows
    // the SDK from its User-Agent and answers a 404 naming …/v1.
    mistakes: [...OPENAI_MISTAKES, { suffix: '/v1beta', action: 'models', mentions: '/v1' }] }),
  sdk('openai', 'openai-node', 'openai-6', 'openai-6', 'openai', {
    actions: ['chat', 'responses', 'models'], e2e: ['chat', 'chat_stream'],
    auth: 'Authorization: Bearer', recommended: '/v1', mistakes: OPENAI_MISTAKES }),
  sdk('@langchain/openai', 'langchain-openai', 'langchain-openai', '@langchain/openai', 'openai', {
    actions: ['chat', 'chat_stream', 'responses'], e2e: ['chat', 'chat_stream'],
    auth: 'Authorization: Bearer', recommended: '/v1', mistakes: OPENAI_MISTAKES }),
  sdk('@ai-sdk/openai', 'ai-sdk-openai', 'ai-sdk-openai', '@ai-sdk/openai', 'openai', {
    actions: ['responses', 'responses_stream', 'chat', 'chat_stream'], e2e: ['responses', 'responses_stream', 'chat'],
    auth: 'Authorization: Bearer', recommended: '/v1', mistakes: OPENAI_MISTAKES }),
  sdk('@ai-sdk/openai-compatible', 'ai-sdk-openai-compatible', 'ai-sdk-openai-compatible', '@ai-sdk/openai-compatible', 'openai', {
    actions: ['chat', 'chat_stream'], e2e: ['chat', 'chat_stream'],
    auth: 'Authorization: Bearer', recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  sdk('@anthropic-ai/sdk', 'anthropic-sdk-node', 'anthropic', '@anthropic-ai/sdk', 'anthropic', {
    actions: ['messages', 'messages_stream', 'count_tokens', 'models'], e2e: ['messages', 'messages_stream', 'count_tokens'],
    // 1.x sends the key as Bearer (docs/clients.md 2.1, measured 1.12.0).
    auth: 'Authorization: Bearer', recommended: '', mistakes: [{ suffix: '/v1', mentions: '' }] }),
  sdk('@anthropic-ai/sdk', 'anthropic-sdk-node', 'anthropic-0', 'anthropic-sdk-0', 'anthropic', {
    actions: ['messages', 'count_tokens', 'models'], e2e: ['messages', 'messages_stream'],
    auth: 'x-api-key', recommended: '', mistakes: [{ suffix: '/v1', mentions: '' }] }),
  sdk('@ai-sdk/anthropic', 'ai-sdk-anthropic', 'ai-sdk-anthropic', '@ai-sdk/anthropic', 'anthropic', {
    actions: ['messages', 'messages_stream'], e2e: ['messages', 'messages_stream'],
    auth: 'x-api-key', recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  sdk('@google/genai', 'google-genai-node', 'genai', '@google/genai', 'gemini', {
    actions: ['generate', 'generate_stream', 'count_tokens', 'models'], e2e: ['generate', 'generate_stream', 'count_tokens'],
    auth: 'x-goog-api-key', recommended: '',
    // 3.x defaults to API v1 (docs/clients.md 3.1): host only needs GOOGLE_GENAI_API_VERSION=beta.
    e2eEnv: { GOOGLE_GENAI_API_VERSION: 'beta' }, expectSettings: [{ name: 'GOOGLE_GENAI_API_VERSION', value: 'beta' }],
    mistakes: [{ suffix: '/v1beta', mentions: '', env: { GOOGLE_GENAI_API_VERSION: 'beta' } },
      // Host only without the setting: the client sends /v1/models/…; the 404 must point at the API version.
      { suffix: '', mentions: 'GOOGLE_GENAI_API_VERSION|apiVersion|v1beta', env: {} },
      // GET /v1/models is OpenAI's list: once read silently as empty; now a 404 that names the API version.
      { suffix: '', action: 'models', mentions: 'GOOGLE_GENAI_API_VERSION', env: {} }] }),
  sdk('@google/genai + GOOGLE_GENAI_API_VERSION=beta', 'google-genai-node', 'genai', '@google/genai', 'gemini', {
    actions: ['generate', 'generate_stream', 'models'], predictionOnly: true,
    env: { GOOGLE_GENAI_API_VERSION: 'beta' }, settings: ['GOOGLE_GENAI_API_VERSION'], auth: 'x-goog-api-key' }),
  sdk('@google/genai', 'google-genai-node', 'genai-2', 'google-genai-2', 'gemini', {
    actions: ['generate', 'generate_stream', 'count_tokens', 'models'], e2e: ['generate', 'generate_stream'],
    auth: 'x-goog-api-key', recommended: '', mistakes: [{ suffix: '/v1beta', mentions: '' }] }),
  sdk('@google/generative-ai', 'google-generative-ai', 'generative-ai', '@google/generative-ai', 'gemini', {
    actions: ['generate', 'generate_stream', 'count_tokens'], e2e: ['generate', 'generate_stream', 'count_tokens'],
    auth: 'x-goog-api-key', recommended: '', mistakes: [{ suffix: '/v1beta', mentions: '' }, { suffix: '/', mentions: '' }] }),
  sdk('@ai-sdk/google', 'ai-sdk-google', 'ai-sdk-google', '@ai-sdk/google', 'gemini', {
    actions: ['generate', 'generate_stream'], e2e: ['generate', 'generate_stream'],
    auth: 'x-goog-api-key', recommended: '/v1beta', mistakes: [{ suffix: '', mentions: '/v1beta' }] }),

  cli('Claude Code', 'claude-code', 'anthropic', { pkg: '@anthropic-ai/claude-code', auth: 'x-api-key', hidesErrorBodies: true,
    // Measured: Claude Code 2.1.330 replaces any 404 body with its own "There's an issue with the selected
    // model … It may not exist" message, so the diagnosis can only be seen in the proxy (log, Live view).
    recommended: '', mistakes: [{ suffix: '/v1', mentions: '', hidesBody: '/v1/v1/messages' }] }),
  cli('Codex CLI (custom provider)', 'codex-cli', 'openai', { pkg: '@openai/codex', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Codex CLI (built-in provider)', 'codex-cli.builtin', 'openai', { pkg: '@openai/codex', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Gemini CLI', 'gemini-cli', 'gemini', { pkg: '@google/gemini-cli', auth: 'x-goog-api-key',
    recommended: '', mistakes: [{ suffix: '/v1beta', mentions: '' }] }),
  cli('Kilo CLI (openai-compatible)', 'kilo-cli.openai-compatible', 'openai', { pkg: '@kilocode/cli', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Kilo CLI (openai)', 'kilo-cli.openai', 'openai', { pkg: '@kilocode/cli', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Kilo CLI (anthropic)', 'kilo-cli.anthropic', 'anthropic', { pkg: '@kilocode/cli', auth: 'x-api-key',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Kilo CLI (google)', 'kilo-cli.google', 'gemini', { pkg: '@kilocode/cli', auth: 'x-goog-api-key',
    recommended: '/v1beta', mistakes: [{ suffix: '', mentions: '/v1beta' }] }),
  // OpenCode 1.18.33 (docs/clients.md 1.15): Kilo's AI SDK joins; each run sends a title call and the answer. The
  // built-in anthropic and openai providers also read ANTHROPIC_BASE_URL / OPENAI_BASE_URL — with …/v1 in it, where
  // Claude Code wants the host alone in the same variable.
  cli('OpenCode (openai-compatible)', 'opencode.openai-compatible', 'openai', { pkg: 'opencode-ai', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }, { suffix: '/v1/chat/completions', mentions: '/v1' }] }),
  cli('OpenCode (openai)', 'opencode.openai', 'openai', { pkg: 'opencode-ai', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('OpenCode (anthropic)', 'opencode.anthropic', 'anthropic', { pkg: 'opencode-ai', auth: 'x-api-key',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('OpenCode (google)', 'opencode.google', 'gemini', { pkg: 'opencode-ai', auth: 'x-goog-api-key',
    recommended: '/v1beta', mistakes: [{ suffix: '', mentions: '/v1beta' }, { suffix: '/v1', mentions: '/v1beta' }] }),
  cli('OpenCode (ANTHROPIC_BASE_URL)', 'opencode.anthropic', 'anthropic', { pkg: 'opencode-ai', recipe: 'opencode.anthropic-env',
    auth: 'x-api-key', recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('OpenCode (OPENAI_BASE_URL)', 'opencode.openai', 'openai', { pkg: 'opencode-ai', recipe: 'opencode.openai-env',
    auth: 'Authorization: Bearer', recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  // Cline CLI 3.0.65 grafts nothing, unlike the extension's source (docs/clients.md 1.8); Gemini adds /v1beta unless the
  // path ends in a version, so …/v1 sends /v1/models/….
  cli('Cline CLI (openai-compatible)', 'cline-cli.openai-compatible', 'openai', { pkg: 'cline', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }, { suffix: '/v1/chat/completions', mentions: '/v1' }] }),
  cli('Cline CLI (openai)', 'cline-cli.openai', 'openai', { pkg: 'cline', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Cline CLI (anthropic)', 'cline-cli.anthropic', 'anthropic', { pkg: 'cline', auth: 'x-api-key',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Cline CLI (gemini)', 'cline-cli.gemini', 'gemini', { pkg: 'cline', auth: 'x-goog-api-key',
    recommended: '', mistakes: [{ suffix: '/v1/chat/completions', mentions: '' }] }),
  // Continue CLI 1.5.47 (docs/clients.md 1.10): config.yaml apiBase for openai and anthropic; Gemini ignores apiBase and
  // reaches the proxy only through GOOGLE_GEMINI_BASE_URL.
  cli('Continue CLI (openai)', 'continue.openai', 'openai', { pkg: '@continuedev/cli', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }, { suffix: '/v1/chat/completions', mentions: '/v1' }] }),
  cli('Continue CLI (anthropic)', 'continue.anthropic', 'anthropic', { pkg: '@continuedev/cli', auth: 'x-api-key',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }] }),
  cli('Continue CLI (gemini, GOOGLE_GEMINI_BASE_URL)', 'continue-cli.gemini', 'gemini', { pkg: '@continuedev/cli', auth: 'x-goog-api-key',
    recommended: '', mistakes: [{ suffix: '/v1beta', mentions: '' }] }),
  // Qwen Code 0.24.4 (docs/clients.md 1.16), one entry per auth type. The anthropic type sends Claude Code's
  // User-Agent (claude-cli/0.24.4) and its key as Bearer; openai-responses drops a typed /v1 and adds /v1/responses.
  cli('Qwen Code (openai)', 'qwen-code', 'openai', { pkg: '@qwen-code/qwen-code', auth: 'Authorization: Bearer',
    recommended: '/v1', mistakes: [{ suffix: '', mentions: '/v1' }, { suffix: '/v1/chat/completions', mentions: '/v1' }] }),
  cli('Qwen Code (openai-responses)', 'qwen-code.openai-responses', 'openai', { pkg: '@qwen-code/qwen-code', auth: 'Authorization: Bearer',
    recommended: '', mistakes: [{ suffix: '/v1/chat/completions', mentions: '' }] }),
  cli('Qwen Code (anthropic)', 'qwen-code.anthropic', 'anthropic', { pkg: '@qwen-code/qwen-code', auth: 'Authorization: Bearer',
    recommended: '', mistakes: [{ suffix: '/v1', mentions: '' }] }),
  cli('Qwen Code (gemini)', 'qwen-code.gemini', 'gemini', { pkg: '@qwen-code/qwen-code', auth: 'x-goog-api-key',
    recommended: '', mistakes: [{ suffix: '/v1beta', mentions: '' }] }),
];

// PATHWISE_SUBJECTS=regex (on the catalog id) runs only those clients: for measuring one, never in the test command.
if (process.env.PATHWISE_SUBJECTS) {
  const only = new RegExp(process.env.PATHWISE_SUBJECTS);
  SUBJECTS.splice(0, SUBJECTS.length, ...SUBJECTS.filter((s) => only.test(s.catalogId)));
}
for (const subject of SUBJECTS) subject.version = installedVersion(subject.pkg);

// The typed base URLs every client, SDK or CLI, is tried with, as suffixes of the capture server's origin.
export const TYPED_BASES = ['', '/', '/v1', '/v1/', '/v1/chat/completions', '/v1beta', '/v1beta/', '/api/v1', '//'];
