/**
 * The table of finding codes (server/src/shared/findingCodes.ts) against everything that
 * lists the codes elsewhere: package.json's factcheck.severity setting, the README's
 * finding-code table, the engine's messages and default severities, and what the output
 * formats write (SARIF rules, the HTML report's labels). Adding a code to the table
 * without the rest fails here. `UPDATE_DOCS=1` rewrites package.json's enum and the
 * README's table from the table (review the diff).
 *
 * It also keeps the table where the client can load it: it imports nothing (but the
 * Locale type of shared/locale.ts, erased at run time), and
 * protocol.ts imports nothing from the engine.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { message, SEVERITY, statusOf } from '../../server/src/core/judge';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { formatHtml } from '../../server/src/report/html';
import type { ReportDiagnostic, RunReport } from '../../server/src/report/model';
import { ALLOWLIST_FILE } from '../../server/src/protocol';
import { ALLOW_FILE_NAME } from '../../server/src/core';
import {
  codeLabel,
  effectiveSeverity,
  FINDING_CODE_TABLE,
  FINDING_CODES,
  isFindingCode,
  SEVERITY_SETTINGS,
  type FindingCode,
} from '../../server/src/shared/findingCodes';

const ROOT = path.resolve(__dirname, '../../..');
const UPDATE = process.env.UPDATE_DOCS === '1';

/** The README's finding-code table as the table of codes writes it. */
function readmeTable(): string {
  const rows = FINDING_CODE_TABLE.map((c) => `| <a id="${c.code}"></a>\`${c.code}\` | ${c.severity} | ${c.label.en} · ${c.label.zh} | ${c.summary} |`);
  return ['| code | severity | label | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Module specifiers a TypeScript file imports or re-exports. */
function importsOf(rel: string, { types = true } = {}): string[] {
  const file = ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  for (const s of file.statements) {
    const typeOnly = ts.isImportDeclaration(s) ? !!s.importClause?.isTypeOnly : ts.isExportDeclaration(s) && s.isTypeOnly;
    if (!types && typeOnly) continue;
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) out.push(s.moduleSpecifier.text);
  }
  return out;
}

describe('the table of finding codes', () => {
  it('has each code once, with labels, a summary and a help text', () => {
    assert.equal(new Set(FINDING_CODES).size, FINDING_CODES.length);
    for (const c of FINDING_CODE_TABLE) {
      assert.match(c.code, /^[a-z]+(-[a-z]+)*$/, c.code);
      assert.ok(c.label.zh && c.label.en && c.summary && c.summaryZh && c.help && /^[A-Z][A-Za-z]+$/.test(c.name), c.code);
      assert.ok(isFindingCode(c.code));
    }
    assert.equal(isFindingCode('wrong-values'), false);
  });

  it('gives the engine its default severities, verdicts and a message in both languages for every code', () => {
    for (const c of FINDING_CODE_TABLE) {
      assert.equal(SEVERITY[c.code], c.severity, c.code);
      assert.equal(statusOf(c.code, false), c.verdict, c.code);
      for (const locale of ['zh', 'en'] as const) assert.ok(message(c.code, locale, { claimed: '3个', expected: '4个', measure: 'm' }).length > 0, `${c.code} ${locale}`);
    }
  });

  it('applies severity overrides in one way: a severity replaces, "off" drops, anything else is ignored', () => {
    assert.equal(effectiveSeverity('unverified', {}), 'information');
    assert.equal(effectiveSeverity('unverified', { unverified: 'hint' }), 'hint');
    assert.equal(effectiveSeverity('unverified', { unverified: 'off' }), undefined);
    assert.equal(effectiveSeverity('unverified', { unverified: 'loud' }), 'information');
    assert.equal(effectiveSeverity('wrong-value', { unverified: 'off' }, 'warning'), 'warning', 'the finding’s own severity when its code has no override');
  });

  it('is what package.json offers in factcheck.severity', () => {
    const file = path.join(ROOT, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { propertyNames: { enum: string[] }; additionalProperties: { enum: string[] } }> } };
    };
    const setting = pkg.contributes.configuration.properties['factcheck.severity'];
    if (UPDATE) {
      setting.propertyNames.enum = [...FINDING_CODES];
      setting.additionalProperties.enum = [...SEVERITY_SETTINGS];
      fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
    }
    assert.deepEqual(setting.propertyNames.enum, [...FINDING_CODES], 'package.json factcheck.severity lists other codes (UPDATE_DOCS=1 rewrites it)');
    assert.deepEqual(setting.additionalProperties.enum, [...SEVERITY_SETTINGS]);
  });

  it('is the README’s finding-code table, with an anchor per code', () => {
    const file = path.join(ROOT, 'README.md');
    let readme = fs.readFileSync(file, 'utf8');
    const section = /(## Finding codes\n\n)(\|[^\n]*\n)+/;
    assert.match(readme, section, 'README.md has a "## Finding codes" table');
    if (UPDATE) {
      readme = readme.replace(section, (_, head: string) => `${head}${readmeTable()}\n`);
      fs.writeFileSync(file, readme);
    }
    const table = section.exec(readme)![0].replace(/^## Finding codes\n\n/, '').trimEnd();
    assert.equal(table, readmeTable(), 'the README table differs from the table of finding codes (UPDATE_DOCS=1 rewrites it)');
  });

  it('is what the output formats write: a SARIF rule per code, the localized label beside each code in the HTML report', () => {
    const empty: RunReport = { asOf: '2025-01-01', files: [], summary: { files: 0, claims: 0, verified: 0, error: 0, warning: 0, information: 0, hint: 0 }, warningsFound: 0 };
    const sarif = JSON.parse(formatSarif(empty, { color: false, cwd: ROOT, locale: 'en' })) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [...FINDING_CODES]);
    for (const r of rules) assert.match(r.helpUri, new RegExp(`#${r.id}$`), 'links the README row of the code');

    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
    const diagnostics: ReportDiagnostic[] = FINDING_CODES.map((code: FindingCode) => ({ range, start: 0, end: 2, severity: SEVERITY[code], code, message: 'm', citations: [] }));
    const report: RunReport = { ...empty, files: [{ path: 'd.md', text: '3个', asOf: '2025-01-01', claims: [], diagnostics }] };
    for (const locale of ['zh', 'en'] as const) {
      const html = formatHtml(report, { locale });
      for (const code of FINDING_CODES) assert.ok(html.includes(`<span class="code-label">${codeLabel(code, locale)}</span> <code>${code}</code>`), `${locale} ${code}`);
    }
  });

  it('can be loaded by the client: the table imports nothing (but a type of shared/), protocol.ts nothing from the engine', () => {
    assert.deepEqual(importsOf('server/src/shared/findingCodes.ts', { types: false }), []);
    assert.deepEqual(importsOf('server/src/shared/findingCodes.ts').filter((m) => !m.startsWith('./')), []);
    const protocol = importsOf('server/src/protocol.ts');
    assert.deepEqual(
      protocol.filter((m) => m.startsWith('.') && !m.startsWith('./shared/')),
      [],
      `protocol.ts may import the protocol package and ./shared only: ${protocol.join(', ')}`,
    );
    assert.equal(ALLOWLIST_FILE, ALLOW_FILE_NAME, 'protocol.ts and the engine name the allowlist file alike');
  });
});
