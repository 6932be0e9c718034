// A minimal sequential test runner: each case prints PASS/FAIL, the run ends with "N passed, N failed".
import assert from 'node:assert/strict';

export { assert };

const cases = [];
export function test(name, body) { cases.push({ name, body }); }

// PATHWISE_BROWSER_ONLY=<regex> runs only the matching cases (to repeat one while chasing a flake).
export async function runAll(context) {
  let passed = 0;
  let failed = 0;
  const only = process.env.PATHWISE_BROWSER_ONLY ? new RegExp(process.env.PATHWISE_BROWSER_ONLY) : null;
  for (const { name, body } of cases) {
    if (only && !only.test(name)) continue;
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
