// cli_continue.mjs — Continue CLI (`@continuedev/cli`, binary `cn`) run headlessly against a typed base URL.
// Measured on 1.5.47 (loopback capture server and `pathwise serve`; /tmp/measure/continue/REPORT.md):
//   `cn -p <prompt> --config <file>` with a local config.yaml needs no Continue Hub login; one chat request per run.
//   provider openai    → POST {apiBase}/chat/completions via the OpenAI SDK (Bearer). Host only → /chat/completions.
//   provider anthropic → POST new URL('messages', apiBase + '/') (x-api-key). Host only → /messages.
//   provider gemini    → models[].apiBase is IGNORED for chat: @google/genai goes to generativelanguage.googleapis.com
//                        (refused by the loopback guard; "fetch failed", exit 1). The base that works is the
//                        environment variable GOOGLE_GEMINI_BASE_URL, read by @google/genai:
//                        POST {base}/v1beta/models/{m}:streamGenerateContent?alt=sse (x-goog-api-key).
//   At start it always fetches https://api.continue.dev/cn/info?id=… (latest-version check, run at import, no
//   switch to turn it off); the loopback guard refuses it and the run goes on. Its OpenTelemetry metrics are only
//   sent when OTEL_* variables are set; CONTINUE_CLI_ENABLE_TELEMETRY=0 / CONTINUE_METRICS_ENABLED=0 turn them off.
import path from 'node:path';
import { baseEnv, bin, writeFile } from './cli_env.mjs';

const MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5', gemini: 'gemini-2.5-flash' };

export const CONTINUE_QUIET = { CONTINUE_CLI_ENABLE_TELEMETRY: '0', CONTINUE_METRICS_ENABLED: '0',
  // NODE_USE_ENV_PROXY makes Node print an "EnvHttpProxyAgent is experimental" warning on every run.
  NODE_NO_WARNINGS: '1' };

function configYaml(provider, base, key) {
  const model = MODELS[provider];
  return ['name: Pathwise test', 'version: 0.0.1', 'schema: v1', 'models:', `  - name: ${model}`,
    `    provider: ${provider}`, `    model: ${model}`, ...(base === null ? [] : [`    apiBase: ${JSON.stringify(base)}`]),
    `    apiKey: ${JSON.stringify(key)}`, '    roles: [chat]', ''].join('\n');
}

// Gemini: config.yaml's apiBase is ignored for chat (1.5.47), so the base goes where it works, GOOGLE_GEMINI_BASE_URL
// (catalog id continue-cli.gemini), and apiBase is left out.
// settings: extra environment variables (e.g. CONTINUE_USE_AI_SDK: '1', which sends provider openai to
// {base}/responses through @ai-sdk/openai instead of {base}/chat/completions through the OpenAI SDK).
function recipe(provider) {
  return {
    package: '@continuedev/cli',
    protocol: provider,
    prepare: ({ home, base, key, guardEnv, settings = {}, prompt = 'hi' }) => {
      const continueDir = path.join(home, '.continue');
      const configFile = path.join(continueDir, 'pathwise-test.yaml');
      writeFile(configFile, configYaml(provider, provider === 'gemini' ? null : base, key));
      const env = { ...baseEnv(home, guardEnv), ...CONTINUE_QUIET, CONTINUE_GLOBAL_DIR: continueDir, ...settings };
      if (provider === 'gemini') env.GOOGLE_GEMINI_BASE_URL = base;
      return { command: bin('cn'), args: ['-p', prompt, '--config', configFile], env };
    },
  };
}

export const CONTINUE_CLIENTS = {
  'continue.openai': recipe('openai'),
  'continue.anthropic': recipe('anthropic'),
  'continue-cli.gemini': recipe('gemini'),
};
