// compare.mjs — does what a real client sent equal what `pathwise doctor` predicted?
// Sent and predicted requests are paired by endpoint kind (what the path ends with), then must agree on
// method, the whole path (byte for byte: "//" and doubled prefixes included) and the query.

export function endpointKind(method, path, websocket) {
  const gemini = /:(generateContent|streamGenerateContent|countTokens)$/.exec(path);
  let kind = null;
  if (gemini) kind = gemini[1];
  else {
    for (const tail of ['chat/completions', 'responses', 'messages/count_tokens', 'messages']) {
      if (path.endsWith(`/${tail}`)) { kind = tail; break; }
    }
  }
  if (!kind && method === 'GET' && /\/models\/?$/.test(path)) kind = 'models';
  if (!kind) kind = `${method} ${path}`;
  return websocket ? `websocket ${kind}` : kind;
}

function normalQuery(query, key) {
  return (query || '').replaceAll('{key}', key).split('&').filter(Boolean).sort().join('&');
}

export function describeRequest({ method, path, query, websocket }) {
  return `${websocket ? 'WS ' : ''}${method} ${path}${query ? `?${query}` : ''}`;
}

// requests: what the capture server recorded; calls: doctor's "calls". -> {pass, sent, predicted, problem}
export function comparePrediction(requests, calls, key) {
  const unique = [];
  for (const r of requests) {
    if (!unique.some((u) => describeRequest(u) === describeRequest(r))) unique.push(r);
  }
  const predictedCalls = calls.map((c) => ({ method: c.method, path: c.path, query: c.query ?? '', websocket: !!c.websocket_upgrade }));
  const predicted = predictedCalls.map(describeRequest).join(' ; ');
  const sent = unique.map(describeRequest).join(' ; ');
  if (unique.length === 0) return { pass: false, sent: '(nothing)', predicted, problem: 'the client sent no request' };
  const problems = [];
  const paired = [];
  for (const request of unique) {
    const kind = endpointKind(request.method, request.path, request.websocket);
    const candidates = predictedCalls.filter((c) => endpointKind(c.method, c.path, c.websocket) === kind);
    const match = candidates.find((c) => c.method === request.method && c.path === request.path &&
      normalQuery(c.query, key) === normalQuery(request.query, key));
    if (match) { paired.push(describeRequest(match)); continue; }
    if (candidates.length === 0) problems.push(`sent ${describeRequest(request)}: the catalog predicts no such call (${kind})`);
    else problems.push(`sent ${describeRequest(request)}, predicted ${candidates.map(describeRequest).join(' or ')}`);
  }
  return { pass: problems.length === 0, sent, predicted: problems.length ? predicted : paired.join(' ; '), problem: problems.join('; ') };
}

// Does an error message point at the base URL to type (a full URL not followed by more path)?
export function mentionsFix(message, origin, mentions) {
  if (mentions === '' || mentions.startsWith('/')) {
    const url = (origin + mentions).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`${url}/?(?![\\w/-])`).test(message);
  }
  return mentions.split('|').some((word) => message.includes(word));
}
