// Large drafts through the CLI: `factcheck check` on one 2 MB draft, wall time and peak
// memory of the process (GNU time when installed, else the child's own report).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftOfSize, ROOT, now } from './corpus.mjs';

/** Checks a draft of `size` characters with the CLI; returns seconds, peak RSS and exit status. */
export function largeCli(size = 2_000_000) {
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-large-'));
  try {
    const file = join(dir, 'large.md');
    writeFileSync(file, draftOfSize(size));
    const script = `const m=require(${JSON.stringify(join(ROOT, 'out/server/src/cli/main.js'))});` +
      `m.main(['check','--no-config','--format','json','--output',${JSON.stringify(join(dir, 'out.json'))},${JSON.stringify(file)}])` +
      `.then(c=>{process.stderr.write('\\nBENCH '+JSON.stringify({code:c,maxRSS:process.resourceUsage().maxRSS})+'\\n')})`;
    const t = now();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = now() - t;
    const m = /BENCH (.*)/.exec(r.stderr ?? '');
    const info = m ? JSON.parse(m[1]) : { code: r.status, maxRSS: NaN };
    return { chars: size, seconds: ms / 1000, peakMB: info.maxRSS / 1024, exit: info.code, stderr: m ? '' : (r.stderr ?? '').slice(-500) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
