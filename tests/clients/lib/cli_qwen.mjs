// cli_qwen.mjs — how to run Qwen Code (@qwen-code/qwen-code 0.24.4, a Gemini CLI fork) headlessly against a typed
// base URL (measured 2026-12-03 on loopback; see /tmp/measure/qwen/REPORT.md and docs/clients.md §6).
//
// Recipe: `qwen -p <prompt>` with the mode's env (OPENAI_* / ANTHROPIC_* / GOOGLE_GEMINI_BASE_URL + GEMINI_*) and
// $HOME/.qwen/settings.json: `security.auth.selectedType` (without it, and without all three of a mode's env vars
// KEY+MODEL+BASE_URL, `-p` exits 1: "No auth type is selected"), `model.name`, and quiet switches:
// `privacy.usageStatisticsEnabled=false` (else 2 CONNECTs to gb4w8c3ygj-default-sea.rum.aliyuncs.com per run),
// `telemetry.enabled=false`, `general.enableAutoUpdate=false`, `memory.enableManagedAutoMemory=false` (else a second
// chat call after the reply: the "managed memory extraction subagent"). Env QWEN_USAGE_STATISTICS_ENABLED=false,
// QWEN_CODE_DISABLE_PRECONNECT=1 (HEAD to the provider's default host when a proxy is set; never seen here),
// QWEN_CODE_SKIP_UPDATE_CHECK_ONCE=true. Joins (measured): openai → openai SDK 5.11, {B}/chat/completions;
// openai-responses → own fetch, {B minus /v1}/v1/responses; anthropic → @anthropic-ai/sdk 0.36.3, {B}/v1/messages,
// Bearer, User-Agent claude-cli/<qwen version>; gemini → @google/genai 2.6.0, {B}/v1beta/models/{m}:streamGenerateContent.
import path from 'node:path';
import { baseEnv, bin, writeFile } from './cli_env.mjs';

const QWEN_QUIET = { QWEN_USAGE_STATISTICS_ENABLED: 'false', QWEN_CODE_DISABLE_PRECONNECT: '1',
  QWEN_CODE_SKIP_UPDATE_CHECK_ONCE: 'true' };

// authType → { protocol, model, env(base, key, model) }
const MODES = {
  openai: { protocol: 'openai', model: 'gpt-4o-mini',
    env: (base, key, model) => ({ OPENAI_BASE_URL: base, OPENAI_API_KEY: key, OPENAI_MODEL: model }) },
  'openai-responses': { protocol: 'openai', model: 'gpt-4o-mini',
    env: (base, key, model) => ({ OPENAI_BASE_URL: base, OPENAI_API_KEY: key, OPENAI_MODEL: model }) },
  anthropic: { protocol: 'anthropic', model: 'claude-sonnet-4-5',
    env: (base, key, model) => ({ ANTHROPIC_BASE_URL: base, ANTHROPIC_API_KEY: key, ANTHROPIC_MODEL: model }) },
  gemini: { protocol: 'gemini', model: 'gemini-2.5-flash',
    env: (base, key, model) => ({ GOOGLE_GEMINI_BASE_URL: base, GEMINI_API_KEY: key, GEMINI_MODEL: model }) },
};

function qwen(authType) {
  const mode = MODES[authType];
  return {
    package: '@qwen-code/qwen-code',
    protocol: mode.protocol,
    prepare: ({ home, base, key, guardEnv, prompt = 'hi' }) => {
      writeFile(path.join(home, '.qwen/settings.json'), JSON.stringify({
        security: { auth: { selectedType: authType } },
        model: { name: mode.model },
        general: { enableAutoUpdate: false },
        privacy: { usageStatisticsEnabled: false },
        telemetry: { enabled: false },
        // Else a second chat call after the reply (the "managed memory extraction subagent").
        memory: { enableManagedAutoMemory: false, enableManagedAutoDream: false },
      }, null, 2));
      return {
        command: bin('qwen'),
        args: ['-p', prompt],
        env: { ...baseEnv(home, guardEnv), ...QWEN_QUIET, ...mode.env(base, key, mode.model) },
      };
    },
  };
}

export const QWEN_CLIENTS = {
  'qwen-code': qwen('openai'),
  'qwen-code.openai-responses': qwen('openai-responses'),
  'qwen-code.anthropic': qwen('anthropic'),
  'qwen-code.gemini': qwen('gemini'),
};
