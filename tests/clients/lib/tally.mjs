// tally.mjs — results of every check, the markdown report, and the closing "N passed, N failed" line.
import fs from 'node:fs';
import path from 'node:path';

export class Tally {
  constructor() { this.results = []; this.notes = []; }

  // group: "prediction" | "auth-header" | "e2e" | …; row: the report's columns for that group.
  add(group, name, pass, detail = '', row = {}) {
    this.results.push({ group, name, pass, detail, row });
    const line = `${pass ? 'PASS' : 'FAIL'} [${group}] ${name}${pass ? '' : `\n      ${detail}`}`;
    console.log(line);
  }

  note(text) { this.notes.push(text); }

  counts() {
    const passed = this.results.filter((r) => r.pass).length;
    return { passed, failed: this.results.length - passed };
  }

  writeReport(file, header) {
    const escape = (s) => String(s ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
    const lines = [`# Real-client conformance report`, '', ...header, ''];
    const { passed, failed } = this.counts();
    lines.push(`**${passed} passed, ${failed} failed**`, '');
    const groups = [...new Set(this.results.map((r) => r.group))];
    for (const group of groups) {
      const rows = this.results.filter((r) => r.group === group);
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r.row)))];
      lines.push(`## ${group} (${rows.filter((r) => r.pass).length}/${rows.length} passed)`, '');
      lines.push(`| ${[...columns, 'verdict'].join(' | ')} |`, `|${[...columns, 'verdict'].map(() => '---').join('|')}|`);
      for (const r of rows) {
        lines.push(`| ${[...columns.map((c) => escape(r.row[c])), r.pass ? 'pass' : `**FAIL**: ${escape(r.detail)}`].join(' | ')} |`);
      }
      lines.push('');
    }
    if (this.notes.length) lines.push('## Observations (differences from docs/clients.md and other facts seen)', '', ...this.notes.map((n) => `- ${n}`), '');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n'));
  }
}
