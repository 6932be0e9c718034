// pathwise.mjs — the real `pathwise` binary as the suite uses it: `doctor --client … --json` for predictions,
// and `serve` for the end-to-end and auth checks.
import fs from 'node:fs';
import net from 'node:net';
import { run, startDetached } from './processes.mjs';

export function binaryProblem(binary) {
  if (!binary) return 'no pathwise binary given (usage: tests/clients/run.sh <path-to-pathwise>)';
  if (!fs.existsSync(binary)) return `pathwise binary not found at ${binary} (build it first: scripts/build.sh)`;
  return null;
}

// -> {json} or {error}. doctor exits 1 when it finds a problem; the JSON is on stdout either way.
const doctorCache = new Map();
export async function doctor(binary, { client, version, base, settings = [] }) {
  const args = ['doctor', '--client', client];
  if (version) args.push('--version', version);
  for (const name of settings) args.push('--setting', name);
  args.push(base, '--json');
  const cacheKey = JSON.stringify(args);
  if (!doctorCache.has(cacheKey)) {
    doctorCache.set(cacheKey, run(binary, args, { env: { PATH: '/usr/bin:/bin' }, timeoutMs: 15000 }).then((result) => {
      const command = `pathwise ${args.map((a) => (/[\s"'$]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' ')}`;
      try {
        return { json: JSON.parse(result.stdout), command };
      } catch {
        return { error: `\`${command}\` gave no JSON (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 400)}`, command };
      }
    }));
  }
  return doctorCache.get(cacheKey);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

// Starts `pathwise serve --port P <extra>` and waits until it accepts connections.
// -> {origin, stop(), output()} or {error}
// Its HOME and XDG_CONFIG_HOME are a throwaway folder, so no user config file or PATHWISE_* variable leaks in.
export async function startServe(binary, extraArgs, home) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = ['serve', '--port', String(port), '--mock-token-delay-ms', '2', ...extraArgs];
    const server = startDetached(binary, args, { env: { PATH: '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: `${home}/.config` } });
    let exitCode = null;
    server.exited.then((code) => { exitCode = code; });
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && exitCode === null) {
      if (await canConnect(port)) {
        return { origin: `http://127.0.0.1:${port}`, port, stop: server.stop, output: server.output, command: `pathwise ${args.join(' ')}` };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.stop();
    const output = server.output();
    if (!/address already in use|EADDRINUSE|bind/i.test(output)) {
      return { error: `\`pathwise ${args.join(' ')}\` did not start listening (exit ${exitCode}): ${output.trim().slice(0, 600)}` };
    }
  }
  return { error: 'pathwise serve could not bind a free port three times' };
}

// Starts `pathwise mock --port 0 --protocol P --test-knobs` (an upstream that speaks only P, and serves
// GET /_mock/stats) and reads its origin from its first stdout line. -> {origin, stop(), output(), stats()} or {error}
export async function startMock(binary, protocol, home) {
  const args = ['mock', '--port', '0', '--protocol', protocol, '--test-knobs', '--token-delay-ms', '2'];
  const mock = startDetached(binary, args, { env: { PATH: '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: `${home}/.config` } });
  let exitCode = null;
  mock.exited.then((code) => { exitCode = code; });
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline && exitCode === null) {
    const origin = /pathwise mock listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(mock.output())?.[1];
    if (origin && await canConnect(Number(new URL(origin).port))) {
      const stats = async () => (await fetch(`${origin}/_mock/stats`)).json();
      return { origin, stop: mock.stop, output: mock.output, stats, command: `pathwise ${args.join(' ')}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await mock.stop();
  return { error: `\`pathwise ${args.join(' ')}\` did not say where it listens (exit ${exitCode}): ${mock.output().trim().slice(0, 600)}` };
}
