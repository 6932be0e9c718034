// cli_cline.mjs — how to run Cline CLI (@cline/cli 3.0.65, native Bun binary) headlessly against a typed base URL
// (measured 2026-12-03 on loopback; see docs/clients.md 1.8 and §6).
//
// Recipe: `cline -P <provider> -m <model> "<prompt>"` with the provider's settings in
// $HOME/.cline/data/settings/providers.json (`cline auth -b` accepts a base URL only for openai / openai-compatible,
// but the file's `baseUrl` is honoured by every provider). An entry without `updatedAt` is ignored: the run then
// goes to the provider's default host. Quiet/offline: global-settings.json `telemetryOptOut` (else a CONNECT to
// otel.cline.bot on every start), `autoUpdateEnabled: false` + CLINE_NO_AUTO_UPDATE=1 (npm update check),
// E2E_TEST=true (skips the PostHog feature-flag poll to data.cline.bot). The prompt must contain whitespace:
// a single word ("hi") is refused as "Unknown command or unquoted prompt", exit 1.
import path from 'node:path';
import { baseEnv, bin, writeFile } from './cli_env.mjs';

function clinePrompt(prompt) {
  return /\s/.test(prompt) ? prompt : `${prompt} `;
}

function cline(providerId, protocol, model) {
  return {
    package: 'cline',
    protocol,
    prepare: ({ home, base, key, guardEnv, prompt = 'hi' }) => {
      const settingsDir = path.join(home, '.cline/data/settings');
      writeFile(path.join(settingsDir, 'global-settings.json'),
        JSON.stringify({ telemetryOptOut: true, autoUpdateEnabled: false }, null, 2));
      writeFile(path.join(settingsDir, 'providers.json'), JSON.stringify({
        version: 1, lastUsedProvider: providerId, modes: {},
        providers: { [providerId]: { settings: { provider: providerId, apiKey: key, model, baseUrl: base },
          updatedAt: new Date().toISOString(), tokenSource: 'manual' } },
      }, null, 2));
      return {
        command: bin('cline'),
        args: ['-P', providerId, '-m', model, clinePrompt(prompt)],
        env: { ...baseEnv(home, guardEnv), CLINE_DIR: path.join(home, '.cline'), CLINE_NO_AUTO_UPDATE: '1',
          CLINE_DISABLE_CLINE_PASS_NOTICE: '1', E2E_TEST: 'true' },
      };
    },
  };
}

export const CLINE_CLIENTS = {
  'cline-cli.openai-compatible': cline('openai-compatible', 'openai', 'gpt-4o-mini'),
  'cline-cli.openai': cline('openai-native', 'openai', 'gpt-4o-mini'),
  'cline-cli.anthropic': cline('anthropic', 'anthropic', 'claude-sonnet-4-5'),
  'cline-cli.gemini': cline('gemini', 'gemini', 'gemini-2.5-flash'),
};
