// loopback_guard.mjs — the HTTP(S)_PROXY every client run is given: it refuses (403) every CONNECT and every
// absolute-URL request, so nothing leaves the machine (docs/clients.md §6: Codex tries github.com and chatgpt.com,
// Kilo tries api.kilo.ai at start-up). What was refused is recorded for the report.
import http from 'node:http';

export async function startLoopbackGuard() {
  const refused = [];
  const server = http.createServer((req, res) => {
    refused.push({ method: req.method, target: req.url });
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('pathwise client tests: outside traffic is refused\n');
  });
  server.on('connect', (req, socket) => {
    refused.push({ method: 'CONNECT', target: req.url });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    refused,
    // Environment that routes everything but loopback through the guard, for Node (NODE_USE_ENV_PROXY) and
    // for the native CLIs, which read the conventional variables.
    env: { HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, https_proxy: url, ALL_PROXY: url, all_proxy: url,
      NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', NODE_USE_ENV_PROXY: '1' },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
