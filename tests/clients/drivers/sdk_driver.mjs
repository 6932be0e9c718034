// sdk_driver.mjs — runs under Node 22: makes real calls with one real npm SDK, as a user's script would.
// stdin: {"sdk": "<name in SDKS>", "jobs": [{"base", "action", "key", "model", "env"?, "unsetEnv"?}]}
// stdout (last line): JSON array, one {ok, text, status, message} per job, in order.
// Jobs run one after another, so the capture server sees each job's requests under that job's key.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 15000;

function collectError(error) {
  const parts = [error?.message, error?.responseBody, error?.error && JSON.stringify(error.error),
    error?.cause?.message, error?.lastError?.message, error?.lastError?.responseBody];
  const status = error?.status ?? error?.statusCode ?? error?.lastError?.statusCode ?? error?.cause?.status ?? null;
  return { ok: false, status: typeof status === 'number' ? status : null, message: parts.filter(Boolean).join(' | ') };
}

async function textOfStream(iterable, pick) {
  let text = '';
  for await (const chunk of iterable) text += pick(chunk) ?? '';
  return text;
}

// --- openai / @langchain/openai -----------------------------------------------------------------------------
function openaiActions(pkg) {
  return async ({ base, action, key, model }) => {
    const OpenAI = require(pkg).default ?? require(pkg).OpenAI;
    const client = new OpenAI({ apiKey: key, baseURL: base, maxRetries: 0, timeout: TIMEOUT_MS });
    const messages = [{ role: 'user', content: 'hi' }];
    switch (action) {
      case 'chat': return (await client.chat.completions.create({ model, messages })).choices[0].message.content;
      case 'chat_stream': return textOfStream(await client.chat.completions.create({ model, messages, stream: true }), (c) => c.choices[0]?.delta?.content);
      case 'responses': return (await client.responses.create({ model, input: 'hi' })).output_text;
      case 'responses_stream': return textOfStream(await client.responses.create({ model, input: 'hi', stream: true }), (e) => (e.type === 'response.output_text.delta' ? e.delta : ''));
      case 'models': { const page = await client.models.list(); return page.data.map((m) => m.id).join(','); }
      case 'chat_tools': return openaiToolRoundTrip(client, model, false);
      case 'chat_tools_stream': return openaiToolRoundTrip(client, model, true);
    }
    throw new Error(`openai driver: unknown action ${action}`);
  };
}

// The assistant message of a streamed chat completion, its tool calls put together from their deltas.
async function streamedChatMessage(stream) {
  const message = { role: 'assistant', content: '', tool_calls: [] };
  let finishReason = null;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (!choice) continue;
    message.content += choice.delta?.content ?? '';
    for (const delta of choice.delta?.tool_calls ?? []) {
      const call = (message.tool_calls[delta.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.function.name += delta.function.name;
      if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
    }
    finishReason = choice.finish_reason ?? finishReason;
  }
  if (message.tool_calls.length === 0) delete message.tool_calls;
  return { message, finish_reason: finishReason };
}

// The OpenAI form of the round trip: tools → tool_calls → a "tool" message → text.
// -> JSON text {first: {finish_reason, calls: [{name, args, id}]}, final: {finish_reason, text}}
async function openaiToolRoundTrip(client, model, stream) {
  const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
  const send = async (messages) => {
    if (stream) return streamedChatMessage(await client.chat.completions.create({ model, messages, tools, stream: true }));
    const choice = (await client.chat.completions.create({ model, messages, tools })).choices[0];
    return { message: choice.message, finish_reason: choice.finish_reason };
  };
  const ask = { role: 'user', content: WEATHER_ASK };
  const first = await send([ask]);
  const calls = first.message.tool_calls ?? [];
  const out = { first: { finish_reason: first.finish_reason,
    calls: calls.map((c) => ({ name: c.function.name, args: JSON.parse(c.function.arguments || '{}'), id: c.id })) } };
  if (calls.length === 0) return JSON.stringify(out);
  const results = calls.map((c) => ({ role: 'tool', tool_call_id: c.id, content: TOOL_RESULT }));
  const final = await send([ask, first.message, ...results]);
  out.final = { finish_reason: final.finish_reason, text: final.message.content ?? '' };
  return JSON.stringify(out);
}

async function langchain({ base, action, key, model }) {
  const { ChatOpenAI } = require('@langchain/openai');
  const useResponsesApi = action.startsWith('responses');
  const chat = new ChatOpenAI({ model, apiKey: key, maxRetries: 0, timeout: TIMEOUT_MS, useResponsesApi, configuration: { baseURL: base } });
  const textOf = (m) => (typeof m.content === 'string' ? m.content : m.content.map((p) => p.text ?? '').join(''));
  if (action.endsWith('_stream')) return textOfStream(await chat.stream('hi'), textOf);
  return textOf(await chat.invoke('hi'));
}

// --- @anthropic-ai/sdk ---------------------------------------------------------------------------------------
function anthropicActions(pkg) {
  return async ({ base, action, key, model }) => {
    const Anthropic = require(pkg).default ?? require(pkg).Anthropic;
    const client = new Anthropic({ apiKey: key, baseURL: base, maxRetries: 0, timeout: TIMEOUT_MS });
    const request = { model, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] };
    switch (action) {
      case 'messages': return (await client.messages.create(request)).content.map((b) => b.text ?? '').join('');
      case 'messages_stream': return textOfStream(await client.messages.create({ ...request, stream: true }), (e) => (e.type === 'content_block_delta' ? e.delta.text : ''));
      case 'count_tokens': return String((await client.messages.countTokens({ model, messages: request.messages })).input_tokens);
      case 'models': { const page = await client.models.list(); return page.data.map((m) => m.id).join(','); }
      case 'messages_tools': return anthropicToolRoundTrip(client, request, false);
      case 'messages_tools_stream': return anthropicToolRoundTrip(client, request, true);
    }
    throw new Error(`anthropic driver: unknown action ${action}`);
  };
}

// A tool round trip as a user's agent loop does it: the model asks for a tool (tool_use), the script runs it and
// sends a tool_result, the model answers in text. `pathwise-mock-call:NAME` makes the mock upstream call NAME
// (pathwise mock --help). Streamed, the SDK's own MessageStream accumulates the events into the message.
// -> JSON text {first: {stop_reason, tools: [{name, input, id}]}, final: {stop_reason, text}}
const TOOL_RESULT = 'sunny, 21 degrees';
const WEATHER_ASK = 'pathwise-mock-call:get_weather for Paris';
async function anthropicToolRoundTrip(client, request, stream) {
  const tools = [{ name: 'get_weather', description: 'Weather in a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
  const send = (messages) => (stream ? client.messages.stream({ ...request, tools, messages }).finalMessage()
    : client.messages.create({ ...request, tools, messages }));
  const ask = { role: 'user', content: WEATHER_ASK };
  const first = await send([ask]);
  const calls = first.content.filter((b) => b.type === 'tool_use');
  const out = { first: { stop_reason: first.stop_reason, tools: calls.map(({ name, input, id }) => ({ name, input, id })) } };
  if (calls.length === 0) return JSON.stringify(out);
  const results = calls.map((c) => ({ type: 'tool_result', tool_use_id: c.id, content: TOOL_RESULT }));
  const final = await send([ask, { role: 'assistant', content: first.content }, { role: 'user', content: results }]);
  out.final = { stop_reason: final.stop_reason, text: final.content.map((b) => b.text ?? '').join('') };
  return JSON.stringify(out);
}

// --- @google/genai (3.x and 2.x) -------------------------------------------------------------------------
function genaiActions(pkg) {
  return async ({ base, action, key, model, apiVersion }) => {
    const { GoogleGenAI } = require(pkg);
    const httpOptions = { baseUrl: base, timeout: TIMEOUT_MS };
    if (apiVersion !== undefined) httpOptions.apiVersion = apiVersion;
    const ai = new GoogleGenAI({ apiKey: key, httpOptions });
    switch (action) {
      case 'generate': return (await ai.models.generateContent({ model, contents: 'hi' })).text;
      case 'generate_stream': return textOfStream(await ai.models.generateContentStream({ model, contents: 'hi' }), (c) => c.text);
      case 'count_tokens': return String((await ai.models.countTokens({ model, contents: 'hi' })).totalTokens);
      case 'models': { const names = []; for await (const m of await ai.models.list()) names.push(m.name); return names.join(','); }
      case 'generate_tools': return genaiToolRoundTrip(ai, model, false);
      case 'generate_tools_stream': return genaiToolRoundTrip(ai, model, true);
    }
    throw new Error(`genai driver: unknown action ${action}`);
  };
}

// The Gemini form of the round trip: functionDeclarations → functionCall → functionResponse → text.
// -> JSON text {first: {finishReason, calls: [{name, args, id}]}, final: {finishReason, text}}
async function genaiToolRoundTrip(ai, model, stream) {
  const config = { tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather in a city',
    parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, required: ['city'] } }] }] };
  const send = async (contents) => {
    if (!stream) {
      const r = await ai.models.generateContent({ model, contents, config });
      return { parts: r.candidates?.[0]?.content?.parts ?? [], finishReason: r.candidates?.[0]?.finishReason };
    }
    const parts = [];
    let finishReason;
    for await (const chunk of await ai.models.generateContentStream({ model, contents, config })) {
      parts.push(...(chunk.candidates?.[0]?.content?.parts ?? []));
      finishReason = chunk.candidates?.[0]?.finishReason ?? finishReason;
    }
    return { parts, finishReason };
  };
  const ask = { role: 'user', parts: [{ text: WEATHER_ASK }] };
  const first = await send([ask]);
  const calls = first.parts.filter((p) => p.functionCall).map((p) => p.functionCall);
  const out = { first: { finishReason: first.finishReason, calls: calls.map(({ name, args, id }) => ({ name, args, id })) } };
  if (calls.length === 0) return JSON.stringify(out);
  const responses = calls.map((c) => ({ functionResponse: { name: c.name, ...(c.id ? { id: c.id } : {}), response: { result: TOOL_RESULT } } }));
  const final = await send([ask, { role: 'model', parts: first.parts }, { role: 'user', parts: responses }]);
  out.final = { finishReason: final.finishReason, text: final.parts.map((p) => p.text ?? '').join('') };
  return JSON.stringify(out);
}

async function generativeAi({ base, action, key, model }) {
  const { GoogleGenerativeAI } = require('@google/generative-ai');
  const generative = new GoogleGenerativeAI(key).getGenerativeModel({ model }, { baseUrl: base, timeout: TIMEOUT_MS });
  switch (action) {
    case 'generate': return (await generative.generateContent('hi')).response.text();
    case 'generate_stream': return textOfStream((await generative.generateContentStream('hi')).stream, (c) => c.text());
    case 'count_tokens': return String((await generative.countTokens('hi')).totalTokens);
  }
  throw new Error(`generative-ai driver: unknown action ${action}`);
}

// --- AI SDK ----------------------------------------------------------------------------------------------
async function aiSdkRun(languageModel, action) {
  const { generateText, streamText } = await import('ai');
  const abortSignal = AbortSignal.timeout(TIMEOUT_MS);
  if (action.endsWith('_stream')) {
    let failure = null;
    const result = streamText({ model: languageModel, prompt: 'hi', maxRetries: 0, abortSignal, onError: ({ error }) => { failure = error; } });
    let text = '';
    for await (const part of result.textStream) text += part;
    if (failure) throw failure;
    return text;
  }
  return (await generateText({ model: languageModel, prompt: 'hi', maxRetries: 0, abortSignal })).text;
}

async function aiSdkOpenai({ base, action, key, model }) {
  const { createOpenAI } = await import('@ai-sdk/openai');
  const provider = createOpenAI({ baseURL: base, apiKey: key });
  // openai(model) is the Responses API; openai.chat(model) Chat Completions (docs/clients.md 1.4).
  return aiSdkRun(action.startsWith('chat') ? provider.chat(model) : provider(model), action);
}
async function aiSdkOpenaiCompatible({ base, action, key, model }) {
  const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
  return aiSdkRun(createOpenAICompatible({ name: 'pathwise', baseURL: base, apiKey: key }).chatModel(model), action);
}
async function aiSdkAnthropic({ base, action, key, model }) {
  const { createAnthropic } = await import('@ai-sdk/anthropic');
  return aiSdkRun(createAnthropic({ baseURL: base, apiKey: key })(model), action);
}
async function aiSdkGoogle({ base, action, key, model }) {
  const { createGoogleGenerativeAI } = await import('@ai-sdk/google');
  return aiSdkRun(createGoogleGenerativeAI({ baseURL: base, apiKey: key })(model), action);
}

const SDKS = {
  'openai': openaiActions('openai'),
  'openai-6': openaiActions('openai-6'),
  'langchain-openai': langchain,
  'anthropic': anthropicActions('@anthropic-ai/sdk'),
  'anthropic-0': anthropicActions('anthropic-sdk-0'),
  'genai': genaiActions('@google/genai'),
  'genai-2': genaiActions('google-genai-2'),
  'generative-ai': generativeAi,
  'ai-sdk-openai': aiSdkOpenai,
  'ai-sdk-openai-compatible': aiSdkOpenaiCompatible,
  'ai-sdk-anthropic': aiSdkAnthropic,
  'ai-sdk-google': aiSdkGoogle,
};

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { sdk, jobs } = JSON.parse(input);
  const runJob = SDKS[sdk];
  if (!runJob) throw new Error(`unknown sdk ${sdk}`);
  const results = [];
  for (const job of jobs) {
    // A job may set environment variables the SDK reads at construction (GOOGLE_GENAI_API_VERSION).
    const saved = {};
    for (const [name, value] of Object.entries(job.env ?? {})) { saved[name] = process.env[name]; process.env[name] = value; }
    for (const name of job.unsetEnv ?? []) { saved[name] = process.env[name]; delete process.env[name]; }
    const started = Date.now();  // the time to the answer or the error, retries included (the report shows it)
    try {
      const text = await runJob(job);
      results.push({ ok: true, text: String(text ?? ''), ms: Date.now() - started });
    } catch (error) {
      results.push({ ...collectError(error), ms: Date.now() - started });
    }
    for (const [name, value] of Object.entries(saved)) { if (value === undefined) delete process.env[name]; else process.env[name] = value; }
  }
  process.stdout.write('\n' + JSON.stringify(results) + '\n');
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(3); });
