// A minimal sequential test runner: each case prints PASS/FAIL, the run ends with "N passed, N failed".
import assert from 'node:assert/strict';

export { assert };

const cases = [];
export function test(name, body) { cases.push({ name, body }); }

export async function runAll(context) {
  let passed = 0;
  let failed = 0;
  for (const { name, body } of cases) {
    const started = Date.now();
    try {
      await body(context);
      passed += 1;
      console.log(`PASS ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(error && error.stack || error).split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  return { passed, failed };
}
