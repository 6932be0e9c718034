// Starts what the wizard is served by: the real `pathwise serve` (preferred), or a tiny static server
// when the proxy binary is missing. Every process started here is stopped by its PID.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const reply = await fetch(url);
      await reply.arrayBuffer();
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

// { origin, kind: 'pathwise'|'static', stop() }
export async function startPathwiseServe(pathwiseBinary, webRoot, extraArgs = []) {
  const port = await freePort();
  // A throwaway config home and no PATHWISE_* variables: the person's own settings must not leak in.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PATHWISE_')));
  env.XDG_CONFIG_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'pathwise-browser-'));
  const child = spawn(pathwiseBinary, ['serve', '--port', String(port), '--web-root', webRoot, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'], env,
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const up = await Promise.race([waitForHttp(`${origin}/healthz`, 15000), exited.then(() => false)]);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
    }
    fs.rmSync(env.XDG_CONFIG_HOME, { recursive: true, force: true });
  };
  if (!up) {
    await stop();
    throw new Error(`pathwise serve did not answer on ${origin}:\n${output.slice(-2000)}`);
  }
  return { origin, kind: 'pathwise', stop, output: () => output };
}

const contentTypes = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };

export async function startStaticServer(webRoot) {
  const server = http.createServer((req, res) => {
    let requestPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (requestPath === '/') requestPath = '/index.html';
    const file = path.join(webRoot, path.normalize(requestPath));
    if (!file.startsWith(webRoot) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, kind: 'static', stop: () => new Promise((r) => server.close(r)), output: () => '' };
}
