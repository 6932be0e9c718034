// replies.mjs — minimal valid provider replies (JSON and SSE) for the capture server, so every real client
// finishes its call after one request instead of retrying (docs/clients.md §6 "Upstream replies the clients accept").
//
// The capture server answers by what the path ends with, whatever prefix a wrong base URL put in front: it is
// there to record what the client sent, not to judge it.

export const REPLY_TEXT = 'Hello from the capture server';

const now = () => Math.floor(Date.now() / 1000);

function sse(events) {
  return events.map(([name, data]) => (name ? `event: ${name}\n` : '') + `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`).join('');
}

// --- OpenAI Chat Completions -------------------------------------------------------------------------------
function openaiChat(model, stream) {
  const base = { id: 'chatcmpl-capture', created: now(), model };
  if (!stream) {
    return json({ ...base, object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: REPLY_TEXT, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 5, total_tokens: 6 } });
  }
  const chunk = (delta, finish) => ({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  return sseReply(sse([
    [null, chunk({ role: 'assistant', content: '' }, null)],
    [null, chunk({ content: REPLY_TEXT }, null)],
    [null, chunk({}, 'stop')],
    [null, { ...base, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 1, completion_tokens: 5, total_tokens: 6 } }],
    [null, '[DONE]'],
  ]));
}

// --- OpenAI Responses --------------------------------------------------------------------------------------
function responsesObject(model, status, output) {
  return { id: 'resp_capture', object: 'response', created_at: now(), status, error: null, incomplete_details: null,
    instructions: null, max_output_tokens: null, model, output, parallel_tool_calls: true, previous_response_id: null,
    reasoning: { effort: null, summary: null }, store: false, temperature: 1, text: { format: { type: 'text' } },
    tool_choice: 'auto', tools: [], top_p: 1, truncation: 'disabled', metadata: {}, service_tier: 'default',
    usage: status === 'completed' ? { input_tokens: 1, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5,
      output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 6 } : null };
}
function openaiResponses(model, stream) {
  const part = { type: 'output_text', text: REPLY_TEXT, annotations: [], logprobs: [] };
  const item = { type: 'message', id: 'msg_capture', status: 'completed', role: 'assistant', content: [part] };
  if (!stream) return json(responsesObject(model, 'completed', [item]));
  let seq = 0;
  const ev = (type, rest) => [type, { type, sequence_number: seq++, ...rest }];
  return sseReply(sse([
    ev('response.created', { response: responsesObject(model, 'in_progress', []) }),
    ev('response.in_progress', { response: responsesObject(model, 'in_progress', []) }),
    ev('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }),
    ev('response.content_part.added', { item_id: 'msg_capture', output_index: 0, content_index: 0, part: { ...part, text: '' } }),
    ev('response.output_text.delta', { item_id: 'msg_capture', output_index: 0, content_index: 0, delta: REPLY_TEXT, logprobs: [] }),
    ev('response.output_text.done', { item_id: 'msg_capture', output_index: 0, content_index: 0, text: REPLY_TEXT, logprobs: [] }),
    ev('response.content_part.done', { item_id: 'msg_capture', output_index: 0, content_index: 0, part }),
    ev('response.output_item.done', { output_index: 0, item }),
    ev('response.completed', { response: responsesObject(model, 'completed', [item]) }),
  ]));
}

// --- Anthropic Messages ------------------------------------------------------------------------------------
function anthropicMessage(model, stream) {
  const msg = { id: 'msg_capture', type: 'message', role: 'assistant', model, stop_sequence: null };
  if (!stream) {
    return json({ ...msg, content: [{ type: 'text', text: REPLY_TEXT }], stop_reason: 'end_turn',
      usage: { input_tokens: 1, output_tokens: 5 } });
  }
  return sseReply(sse([
    ['message_start', { type: 'message_start', message: { ...msg, content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 1 } } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: REPLY_TEXT } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } }],
    ['message_stop', { type: 'message_stop' }],
  ]));
}

// --- Gemini --------------------------------------------------------------------------------------------------
function geminiResponse(model) {
  return { candidates: [{ content: { role: 'model', parts: [{ text: REPLY_TEXT }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 5, totalTokenCount: 6 }, modelVersion: model, responseId: 'capture' };
}

// --- model lists -------------------------------------------------------------------------------------------
const MODEL_LISTS = {
  openai: () => ({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1700000000, owned_by: 'capture' }] }),
  anthropic: () => ({ data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' }],
    has_more: false, first_id: 'claude-sonnet-4-5', last_id: 'claude-sonnet-4-5' }),
  gemini: () => ({ models: [{ name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', supportedGenerationMethods: ['generateContent'] }] }),
};

function json(body, status = 200) { return { status, type: 'application/json', body: JSON.stringify(body) }; }
function sseReply(body) { return { status: 200, type: 'text/event-stream', body }; }

// Which protocol a request speaks, from its headers (the path may be mangled by a wrong base URL).
export function protocolOf(headers, query) {
  if (headers['x-goog-api-key'] || /(^|&)key=/.test(query)) return 'gemini';
  if (headers['anthropic-version'] || headers['x-api-key']) return 'anthropic';
  return 'openai';
}

// The reply for one captured request: {status, type, body}.
export function replyFor({ method, path, query, headers, body }) {
  let request = {};
  try { request = body ? JSON.parse(body) : {}; } catch { request = {}; }
  const stream = request.stream === true;
  const model = typeof request.model === 'string' ? request.model : 'capture-model';
  const gemini = path.match(/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/);
  if (gemini) {
    const [, geminiModel, task] = gemini;
    if (task === 'countTokens') return json({ totalTokens: 3 });
    if (task === 'generateContent') return json(geminiResponse(geminiModel));
    if (/(^|&)alt=sse(&|$)/.test(query)) return sseReply(sse([[null, geminiResponse(geminiModel)]]));
    return json([geminiResponse(geminiModel)]);
  }
  if (path.endsWith('/chat/completions')) return openaiChat(model, stream);
  if (path.endsWith('/responses')) return openaiResponses(model, stream);
  if (path.endsWith('/messages/count_tokens')) return json({ input_tokens: 3 });
  if (path.endsWith('/messages')) return anthropicMessage(model, stream);
  if (method === 'GET' && /\/models\/?$/.test(path)) return json(MODEL_LISTS[protocolOf(headers, query)]());
  if (method === 'GET' && /\/models\/[^/]+$/.test(path)) {
    const id = path.split('/').pop();
    return json({ id, object: 'model', created: 1700000000, owned_by: 'capture', type: 'model', display_name: id, name: `models/${id}` });
  }
  return json({ error: { message: `capture server: no reply shape for ${method} ${path}` } }, 404);
}
