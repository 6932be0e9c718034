// cli_opencode.mjs — OpenCode (`opencode-ai`, binary `opencode`; Kilo CLI 7.x is its fork) run headlessly against a
// typed base URL. Measured on 1.18.33 (loopback capture server and `pathwise serve`; /tmp/measure/opencode/REPORT.md):
//   `opencode run --model <provider>/<model> <prompt>` with OPENCODE_CONFIG_CONTENT; exit 0 with the reply on stdout,
//   exit 1 with "Error: <the server's error message>" on stderr. Two streamed requests per run: a session title
//   (the provider's small model: gpt-5.4-nano, claude-haiku-4-5-20251001, gemini-3.8-flash) and the answer.
//   provider.<id>.options.baseURL goes to the AI SDK provider, which appends only the endpoint (trailing '/' dropped):
//     openai-compatible → {B}/chat/completions; openai → {B}/responses; anthropic → {B}/messages (x-api-key);
//     google → {B}/models/{m}:streamGenerateContent?alt=sse (x-goog-api-key). No model list is fetched.
//   Environment: ANTHROPIC_BASE_URL and OPENAI_BASE_URL are read (same joins: host only → /messages, /responses);
//   there is no Google base-URL variable (GOOGLE_GEMINI_BASE_URL is ignored: it goes to generativelanguage.googleapis.com).
//   A model that is neither in the bundled models snapshot nor under provider.<id>.models fails before any request
//   ("UnknownError … Unexpected server error"), so the custom provider lists its model.
//   Without OPENCODE_DISABLE_MODELS_FETCH it fetches models.opencode.ai; it always tries to install @opencode-ai/plugin
//   from registry.npmjs.org into its config folder (in the background; the loopback guard refuses it, the run goes on).
import { baseEnv, bin } from './cli_env.mjs';

export const OPENCODE_QUIET = { OPENCODE_DISABLE_AUTOUPDATE: 'true', OPENCODE_DISABLE_MODELS_FETCH: 'true',
  OPENCODE_DISABLE_SHARE: 'true', OPENCODE_DISABLE_LSP_DOWNLOAD: 'true', DO_NOT_TRACK: '1' };

const protocolOf = (providerId) => (providerId === 'anthropic' ? 'anthropic' : providerId === 'google' ? 'gemini' : 'openai');

function opencodeConfig(extra) {
  return JSON.stringify({ $schema: 'https://opencode.ai/config.json', autoupdate: false, share: 'disabled', ...extra });
}

// Config modes: provider.<id>.options.baseURL. `npm` picks the AI SDK package of a custom provider.
function opencode(providerId, npmPackage, model) {
  return {
    package: 'opencode-ai',
    protocol: protocolOf(providerId),
    prepare: ({ home, base, key, guardEnv, prompt = 'hi' }) => {
      const provider = { options: { baseURL: base, apiKey: key }, models: { [model]: { name: model } } };
      if (npmPackage) Object.assign(provider, { npm: npmPackage, name: 'Pathwise test' });
      return { command: bin('opencode'), args: ['run', '--model', `${providerId}/${model}`, prompt],
        env: { ...baseEnv(home, guardEnv), ...OPENCODE_QUIET,
          OPENCODE_CONFIG_CONTENT: opencodeConfig({ provider: { [providerId]: provider }, model: `${providerId}/${model}`,
            // The title call then names the same model as the answer (the catalog predicts one {model}).
            small_model: `${providerId}/${model}` }) } };
    },
  };
}

// Environment modes: no baseURL in the config; the built-in provider's AI SDK package reads the variable itself.
function opencodeEnv(providerId, model, baseVar, keyVar) {
  return {
    package: 'opencode-ai',
    protocol: protocolOf(providerId),
    prepare: ({ home, base, key, guardEnv, prompt = 'hi' }) => ({
      command: bin('opencode'), args: ['run', '--model', `${providerId}/${model}`, prompt],
      env: { ...baseEnv(home, guardEnv), ...OPENCODE_QUIET, [baseVar]: base, [keyVar]: key,
        OPENCODE_CONFIG_CONTENT: opencodeConfig({ small_model: `${providerId}/${model}` }) },
    }),
  };
}

export const OPENCODE_CLIENTS = {
  'opencode.openai-compatible': opencode('pathwise', '@ai-sdk/openai-compatible', 'gpt-4o-mini'),
  'opencode.openai': opencode('openai', null, 'gpt-4o-mini'),
  'opencode.anthropic': opencode('anthropic', null, 'claude-sonnet-4-5'),
  'opencode.google': opencode('google', null, 'gemini-2.5-flash'),
  'opencode.anthropic-env': opencodeEnv('anthropic', 'claude-sonnet-4-5', 'ANTHROPIC_BASE_URL', 'ANTHROPIC_API_KEY'),
  'opencode.openai-env': opencodeEnv('openai', 'gpt-4o-mini', 'OPENAI_BASE_URL', 'OPENAI_API_KEY'),
};
