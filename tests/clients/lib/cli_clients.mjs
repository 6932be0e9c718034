// cli_clients.mjs — how to run each real CLI headlessly against a typed base URL (docs/clients.md §6).
// Every run gets a throwaway HOME (and config dir), only the environment listed here (never the caller's,
// which may hold real keys), telemetry and update checks off, and the loopback guard as its HTTP(S) proxy.
import fs from 'node:fs';
import path from 'node:path';
import { CLIENTS_DIR, NODE22, NODE_BIN_DIR, baseEnv, bin, tomlString, writeFile } from './cli_env.mjs';
import { CLINE_CLIENTS } from './cli_cline.mjs';
import { CONTINUE_CLIENTS } from './cli_continue.mjs';
import { OPENCODE_CLIENTS, OPENCODE_QUIET } from './cli_opencode.mjs';
import { QWEN_CLIENTS } from './cli_qwen.mjs';

export { CLIENTS_DIR, NODE22, NODE_BIN_DIR };

// Kilo CLI 7.7.7: provider.<id>.options.baseURL (docs/clients.md 1.7). `npm` picks the AI SDK package.
function kiloConfig(providerId, npmPackage, model, base, key) {
  const provider = { options: { baseURL: base, apiKey: key }, models: { [model]: { name: model } } };
  if (npmPackage) Object.assign(provider, { npm: npmPackage, name: 'Pathwise test' });
  return JSON.stringify({ $schema: 'https://app.kilo.ai/config.json', autoupdate: false, share: 'disabled',
    provider: { [providerId]: provider }, model: `${providerId}/${model}` });
}

function kilo(providerId, npmPackage, model) {
  return {
    protocol: providerId === 'anthropic' ? 'anthropic' : providerId === 'google' ? 'gemini' : 'openai',
    prepare: ({ home, base, key, guardEnv }) => ({
      command: bin('kilo'),
      args: ['run', '--model', `${providerId}/${model}`, 'hi'],
      env: { ...baseEnv(home, guardEnv), KILO_CONFIG_CONTENT: kiloConfig(providerId, npmPackage, model, base, key) },
    }),
  };
}

// Each entry: catalog id → {package (for --version), protocol, prepare({home, base, key, guardEnv, settings})}.
// Claude Code, Codex and Gemini CLI also take `prompt` (default "hi") and `extraArgs` (flags before the prompt).
export const CLI_CLIENTS = {
  'claude-code': {
    package: '@anthropic-ai/claude-code',
    protocol: 'anthropic',
    prepare: ({ home, base, key, guardEnv, authStyle, prompt = 'hi', extraArgs = [] }) => {
      const env = { ...baseEnv(home, guardEnv), ANTHROPIC_BASE_URL: base };
      // ANTHROPIC_API_KEY is sent as x-api-key, ANTHROPIC_AUTH_TOKEN as Bearer (docs/clients.md 2.3).
      if (authStyle === 'bearer') env.ANTHROPIC_AUTH_TOKEN = key; else env.ANTHROPIC_API_KEY = key;
      return { command: bin('claude'), args: ['-p', prompt, ...extraArgs], env };
    },
  },
  'codex-cli': {
    package: '@openai/codex',
    protocol: 'openai',
    prepare: ({ home, base, key, guardEnv, prompt = 'hi', extraArgs = [] }) => {
      const codexHome = path.join(home, 'codex');
      writeFile(path.join(codexHome, 'config.toml'), [
        'model = "gpt-5-codex"', 'model_provider = "pathwise"', '',
        '[model_providers.pathwise]', 'name = "Pathwise"', `base_url = ${tomlString(base)}`,
        'env_key = "PATHWISE_TEST_KEY"', 'wire_api = "responses"', '',
        '[analytics]', 'enabled = false', '', '[feedback]', 'enabled = false', '',
      ].join('\n'));
      return { command: bin('codex'), args: ['exec', '--skip-git-repo-check', ...extraArgs, prompt],
        env: { ...baseEnv(home, guardEnv), CODEX_HOME: codexHome, PATHWISE_TEST_KEY: key } };
    },
  },
  'codex-cli.builtin': {
    package: '@openai/codex',
    protocol: 'openai',
    prepare: ({ home, base, key, guardEnv, prompt = 'hi', extraArgs = [] }) => {
      const codexHome = path.join(home, 'codex');
      writeFile(path.join(codexHome, 'config.toml'),
        ['model = "gpt-5-codex"', '', '[analytics]', 'enabled = false', '', '[feedback]', 'enabled = false', ''].join('\n'));
      return { command: bin('codex'), args: ['exec', '--skip-git-repo-check', '-c', `openai_base_url=${tomlString(base)}`, ...extraArgs, prompt],
        env: { ...baseEnv(home, guardEnv), CODEX_HOME: codexHome, OPENAI_API_KEY: key, CODEX_API_KEY: key } };
    },
  },
  'gemini-cli': {
    package: '@google/gemini-cli',
    protocol: 'gemini',
    prepare: ({ home, base, key, guardEnv, settings = {}, prompt = 'hi', extraArgs = [] }) => {
      writeFile(path.join(home, '.gemini/settings.json'), JSON.stringify({
        security: { auth: { selectedType: 'gemini-api-key' } },
        general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
        privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false },
      }, null, 2));
      return { command: bin('gemini'), args: ['-p', prompt, '-m', 'gemini-2.5-flash', ...extraArgs],
        // 0.61.0 refuses to run headless in an untrusted folder (not in docs/clients.md §6; measured here).
        env: { ...baseEnv(home, guardEnv), GOOGLE_GEMINI_BASE_URL: base, GEMINI_API_KEY: key,
          GEMINI_CLI_TRUST_WORKSPACE: 'true', ...settings } };
    },
  },
  'kilo-cli.openai-compatible': { package: '@kilocode/cli', ...kilo('pathwise', '@ai-sdk/openai-compatible', 'gpt-4o-mini') },
  'kilo-cli.openai': { package: '@kilocode/cli', ...kilo('openai', null, 'gpt-4o-mini') },
  'kilo-cli.anthropic': { package: '@kilocode/cli', ...kilo('anthropic', null, 'claude-sonnet-4-5') },
  'kilo-cli.google': { package: '@kilocode/cli', ...kilo('google', null, 'gemini-2.5-flash') },
  // Measured 2026-12-03, one file each: OpenCode, Cline CLI, Continue CLI, Qwen Code (docs/clients.md §6).
  ...OPENCODE_CLIENTS,
  ...CLINE_CLIENTS,
  ...CONTINUE_CLIENTS,
  ...QWEN_CLIENTS,
};

export function makeHome(root, name) {
  const home = fs.mkdtempSync(path.join(root, `${name.replace(/[^a-z0-9.-]/gi, '_')}-`));
  fs.mkdirSync(path.join(home, 'tmp'), { recursive: true });
  return home;
}

// The same CLIs started with NO base URL from this suite: none on the command line, none in the environment,
// and no config written by the recipe. Whatever base they use comes from the files already in HOME (the
// configure phase: `pathwise configure` wrote them). Keyed by `pathwise configure`'s product id.
// Each: ({home, key, guardEnv, model, prompt}) -> {command, args, env}; run it with cwd = a folder in that HOME.
export const FILE_CONFIGURED_CLIENTS = {
  // ANTHROPIC_BASE_URL comes from ~/.claude/settings.json's "env"; the key is sent as x-api-key.
  'claude-code': ({ home, key, guardEnv, prompt = 'hi' }) => ({ command: bin('claude'), args: ['-p', prompt],
    env: { ...baseEnv(home, guardEnv), ANTHROPIC_API_KEY: key } }),
  // CODEX_HOME unset: ~/.codex/config.toml, whose provider names env_key = "PATHWISE_TEST_KEY".
  codex: ({ home, key, guardEnv, prompt = 'hi' }) => ({ command: bin('codex'), args: ['exec', '--skip-git-repo-check', prompt],
    env: { ...baseEnv(home, guardEnv), PATHWISE_TEST_KEY: key } }),
  // GOOGLE_GEMINI_BASE_URL comes from the first .env found; security.auth.selectedType from settings.json.
  'gemini-cli': ({ home, key, guardEnv, prompt = 'hi' }) => ({ command: bin('gemini'), args: ['-p', prompt, '-m', 'gemini-2.5-flash'],
    env: { ...baseEnv(home, guardEnv), GEMINI_API_KEY: key, GEMINI_CLI_TRUST_WORKSPACE: 'true' } }),
  // provider.<id>.options (baseURL and apiKey) come from ${XDG_CONFIG_HOME}/kilo/kilo.json; `model` picks the provider.
  kilo: ({ home, guardEnv, model, prompt = 'hi' }) => ({ command: bin('kilo'), args: ['run', '--model', model, prompt],
    env: baseEnv(home, guardEnv) }),
  // provider.<id>.options come from ${XDG_CONFIG_HOME}/opencode/opencode.jsonc (the file OpenCode creates); the key from
  // the file or, for the shared-variable check, ANTHROPIC_API_KEY (`env`, which may also hold ANTHROPIC_BASE_URL).
  opencode: ({ home, guardEnv, model, prompt = 'hi', env = {} }) => ({ command: bin('opencode'),
    args: ['run', '--model', model, prompt], env: { ...baseEnv(home, guardEnv), ...OPENCODE_QUIET, ...env } }),
};
