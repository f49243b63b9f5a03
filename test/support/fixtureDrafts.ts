/**
 * The project's fixture drafts (test/fixtures/drafts/*.md and *.txt), read once per
 * process, in file-name order: the texts unit tests run the engine's shortcuts over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let texts: string[] | undefined;

/** The fixture drafts' texts, in file-name order. */
export function fixtureDrafts(): string[] {
  if (!texts) {
    const dir = join(__dirname, '../../../test/fixtures/drafts');
    texts = readdirSync(dir)
      .filter((n) => /\.(md|txt)$/.test(n))
      .sort()
      .map((n) => readFileSync(join(dir, n), 'utf8'));
  }
  return [...texts];
}
