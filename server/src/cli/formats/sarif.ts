/**
 * SARIF 2.1.0 log of a run, for GitHub code scanning and other SARIF viewers: one rule
 * per finding code (with help text and helpUri), one result per finding with a 1-based
 * region (columns in UTF-16 code units, declared by run.columnKind), the cited source
 * passages as related locations, and a fix for findings that have a quick fix.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { toolInfo } from '../toolInfo';
import type { Range, Severity } from '../../core';
import type { FormatContext } from './index';
import type { RunReport } from '../../report/model';
import { codeAnchor, FINDING_CODE_TABLE } from '../../shared/findingCodes';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A relative path as a URI reference: each segment percent-encoded. */
function uriOf(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/** SARIF region of an LSP range (1-based lines and columns, end column exclusive). */
function regionOf(r: Range): Sarif.Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Renders the SARIF log. */
export function formatSarif(report: RunReport, ctx: FormatContext): string {
  const tool = toolInfo();
  const ruleIndex = new Map<string, number>(FINDING_CODE_TABLE.map((r, i) => [r.code, i]));
  const rules: Sarif.ReportingDescriptor[] = FINDING_CODE_TABLE.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.summary },
    fullDescription: { text: `${r.summary} ${r.summaryZh}。` },
    help: { text: r.help, markdown: `${r.help}\n\nSee the finding codes in the factcheck README.` },
    helpUri: `${tool.helpBase}#${codeAnchor(r.code)}`,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['fact-check'] },
  }));
  const artifacts: Sarif.Artifact[] = report.files.map((f) => ({
    location: { uri: uriOf(f.path), uriBaseId: '%SRCROOT%' },
    mimeType: f.path.endsWith('.txt') ? 'text/plain' : 'text/markdown',
  }));
  const results: Sarif.Result[] = [];
  report.files.forEach((f, fileIndex) => {
    const artifactLocation: Sarif.ArtifactLocation = { uri: uriOf(f.path), uriBaseId: '%SRCROOT%', index: fileIndex };
    for (const d of f.diagnostics) {
      const message = d.expected !== undefined ? `${d.message} (expected ${d.expected})` : d.message;
      const result: Sarif.Result = {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation, region: { ...regionOf(d.range), snippet: { text: f.text.slice(d.start, d.end) } } } }],
      };
      const related = d.citations.map((c, k): Sarif.Location => {
        const rel = path.relative(ctx.cwd, c.file).split(path.sep).join('/');
        const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
        return {
          id: k + 1,
          physicalLocation: {
            artifactLocation: inside ? { uri: uriOf(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(c.file).href },
            region: { startLine: c.line + 1 },
          },
          message: { text: `《${c.title}》 ${c.publisher} ${c.published}: “${c.quote}”` },
        };
      });
      if (related.length > 0) result.relatedLocations = related;
      if (d.fix) {
        result.fixes = [
          {
            description: { text: `Replace with ${d.fix.newText}` },
            artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: regionOf(d.fix.range), insertedContent: { text: d.fix.newText } }] }],
          },
        ];
      }
      const props: Record<string, string> = {};
      if (d.factId) props.factId = d.factId;
      if (d.expected !== undefined) props.expected = d.expected;
      if (Object.keys(props).length > 0) result.properties = props;
      results.push(result);
    }
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'factcheck', version: tool.version, semanticVersion: tool.version, informationUri: tool.helpBase, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        properties: { asOf: report.asOf, summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
