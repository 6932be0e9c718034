// capture_server.mjs — a loopback HTTP server that records the method, raw path and query of every request a
// real client sends, and answers with a minimal valid reply (replies.mjs) so the client stops after one call.
//
// Each client run uses its own API key ("pw-…"), so requests are grouped by the key the client sent, in
// whichever header it uses (Bearer, x-api-key, x-goog-api-key, ?key=). That also records the auth style.
import http from 'node:http';
import { replyFor } from './replies.mjs';

export function keyOf(headers, query) {
  const bearer = /^Bearer\s+(\S+)/i.exec(headers.authorization || '');
  if (bearer) return { key: bearer[1], auth: 'Authorization: Bearer' };
  if (headers['x-api-key']) return { key: headers['x-api-key'], auth: 'x-api-key' };
  if (headers['x-goog-api-key']) return { key: headers['x-goog-api-key'], auth: 'x-goog-api-key' };
  const inQuery = new URLSearchParams(query).get('key');
  if (inQuery) return { key: inQuery, auth: '?key=' };
  return { key: '', auth: 'none' };
}

function splitTarget(target) {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

export async function startCaptureServer() {
  const requests = [];
  const record = (req, extra) => {
    const { path, query } = splitTarget(req.url);
    const entry = { method: req.method, path, query, headers: req.headers, ...keyOf(req.headers, query), ...extra };
    requests.push(entry);
    return entry;
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const entry = record(req, { websocket: false });
      const reply = replyFor({ ...entry, body: Buffer.concat(chunks).toString('utf8') });
      entry.status = reply.status;
      res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': Buffer.byteLength(reply.body) });
      res.end(reply.body);
    });
  });
  // Codex's built-in provider first asks for a WebSocket on GET …/responses (docs/clients.md 1.6); a non-101 answer
  // makes it fall back to POST.
  server.on('upgrade', (req, socket) => {
    record(req, { websocket: true, status: 404 });
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    // Requests that carried this run's key, in arrival order.
    take: (key) => requests.filter((r) => r.key === key),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
