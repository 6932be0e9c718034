// recording_relay.mjs — a loopback HTTP relay put between `pathwise serve` and a mock upstream, recording each
// request whole (method, path, query, headers, body) before passing it on and piping the answer back as it
// comes (streams stay streams). The mock's own /_mock/stats keeps only a body's first 4 KB, and a CLI's
// follow-up request (system prompt, tool schemas, then the tool's result last) is tens of KB: the relay is how
// a check sees the tool result the proxy sent upstream.
import http from 'node:http';
import { keyOf } from './capture_server.mjs';

function splitTarget(target) {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

// target: the mock's origin (http://127.0.0.1:N). -> {origin, requests, take(key), close()}
export async function startRecordingRelay(target) {
  const requests = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const { path, query } = splitTarget(req.url);
      const entry = { method: req.method, path, query, headers: req.headers, ...keyOf(req.headers, query), body: body.toString('utf8') };
      requests.push(entry);
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        entry.status = answer.statusCode;
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', (error) => {
        entry.status = 502;
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`recording relay: ${error.message}`);
      });
      forward.end(body);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    // Requests that carried this key (in whichever key header the upstream protocol uses), in arrival order.
    take: (key) => requests.filter((r) => r.key === key),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
