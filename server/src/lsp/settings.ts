/**
 * The `factcheck.*` settings (see notes in README "Settings"), read per scope through
 * workspace/configuration so each folder of a multi-root workspace has its own. Values
 * of the wrong type fall back to their defaults, each one logged once.
 */
import { z } from 'zod';
import type { Connection } from 'vscode-languageserver';
import { isFindingCode, SEVERITY_SETTINGS, type SeverityOverrides } from '../shared/findingCodes';

const SEVERITY_SETTING = z.enum(SEVERITY_SETTINGS);


const settingsSchema = z.object({
  factBases: z.array(z.string()).catch([]),
  useBundledFacts: z.boolean().catch(true),
  asOf: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .catch(''),
  languages: z.array(z.string()).catch(['markdown', 'plaintext']),
  severity: z.record(z.string(), z.unknown()).catch({}),
  reportUnverified: z.boolean().catch(true),
  freshness: z.int().min(0).max(1200).catch(6),
});

/** The server's view of one scope's settings. */
export interface Settings {
  /** Extra fact-base folders (absolute, or relative to the workspace folder). */
  factBases: string[];
  useBundledFacts: boolean;
  /** YYYY-MM-DD, or '' for the draft's front matter date / today. */
  asOf: string;
  /** Language ids of drafts. */
  languages: string[];
  /** Finding code → severity override. */
  severity: SeverityOverrides;
  reportUnverified: boolean;
  /** Months a source's latest figure decides a figure stated without a period. */
  freshness: number;
}

/** Defaults, as package.json declares them. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  factBases: [],
  useBundledFacts: true,
  asOf: '',
  languages: ['markdown', 'plaintext'],
  severity: {},
  reportUnverified: true,
  freshness: 6,
});

/** Reads a raw `factcheck` settings object; returns the settings and a note per ignored value. */
export function parseSettings(raw: unknown): { settings: Settings; ignored: string[] } {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const ignored: string[] = [];
  const parsed = settingsSchema.parse({ ...DEFAULT_SETTINGS, ...withoutNulls(obj) });
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (obj[key] !== undefined && obj[key] !== null && JSON.stringify(parsed[key]) !== JSON.stringify(obj[key]) && key !== 'severity') {
      ignored.push(`factcheck.${key}: ${JSON.stringify(obj[key])} is not valid; using ${JSON.stringify(parsed[key])}`);
    }
  }
  const severity: SeverityOverrides = {};
  for (const [code, value] of Object.entries(parsed.severity)) {
    const s = SEVERITY_SETTING.safeParse(value);
    if (!isFindingCode(code)) ignored.push(`factcheck.severity.${code}: not a finding code`);
    else if (s.success) severity[code] = s.data;
    else ignored.push(`factcheck.severity.${code}: ${JSON.stringify(value)} is not one of error, warning, information, hint, off`);
  }
  return { settings: { ...parsed, severity }, ignored };
}

function withoutNulls(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}

/** Settings per scope, cached until the client says they changed. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  /** Settings pushed by didChangeConfiguration or initializationOptions, for clients without workspace/configuration. */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial?: unknown,
  ) {
    this.pushed = initial;
  }

  /** The settings for a scope (a folder or document URI; '' for the global scope). */
  get(scopeUri: string): Promise<Settings> {
    let p = this.cache.get(scopeUri);
    if (!p) {
      p = this.load(scopeUri);
      this.cache.set(scopeUri, p);
    }
    return p;
  }

  /** Forgets cached settings (on workspace/didChangeConfiguration); `pushed` is the notification's settings, if any. */
  invalidate(pushed?: unknown): void {
    if (pushed && typeof pushed === 'object' && 'factcheck' in pushed) this.pushed = (pushed as { factcheck: unknown }).factcheck;
    this.cache.clear();
  }

  private async load(scopeUri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        const pulled: unknown = await this.connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: 'factcheck' } : { section: 'factcheck' });
        if (pulled !== null && pulled !== undefined) raw = pulled; // else keep initializationOptions' settings
      } catch (e) {
        this.connection.console.warn(`workspace/configuration failed: ${(e as Error).message}; using defaults`);
      }
    }
    const { settings, ignored } = parseSettings(raw);
    for (const note of ignored) {
      if (!this.reported.has(note)) {
        this.reported.add(note);
        this.connection.console.warn(note);
      }
    }
    return settings;
  }
}
