/**
 * A hostile fact base for escaping tests: the protocol fixture's base with Markdown and
 * HTML (links, command URIs, images, scripts, autolinks, emphasis, code, table pipes) in
 * a source's title, publisher and body, and in a measure's name and an observation's
 * quote, written so that the base still validates and its figures are still cited.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Text that would inject markup anywhere it is not escaped. */
export const HOSTILE =
  '[点此](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> <script>alert(1)</script> ![图](https://evil.example/p.png) <https://evil.example> www.evil.example javascript:alert(1) **粗** `码` | 格 |';

/** A draft whose 49个 contradicts the hostile base's 48个 of May 2024 (line 2, characters 19–22), at any checking date. */
export const HOSTILE_DRAFT = '# 示例区情况\n\n2024年5月，示例区全区建成口袋公园49个。\n';

/** Writes the hostile base into `dir` (a new or empty folder) and returns it. */
export function writeHostileFacts(dir: string): string {
  cpSync(resolve(__dirname, '..', '..', '..', 'test', 'protocol', 'fixtures', 'workspace', 'facts'), dir, { recursive: true });
  const yamlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  const src = join(dir, 'sources', 'demo-2024.md');
  writeFileSync(
    src,
    readFileSync(src, 'utf8')
      .replace(/^title: .*$/m, `title: ${yamlText('示例区' + HOSTILE)}`)
      .replace(/^publisher: .*$/m, `publisher: ${yamlText('发布者' + HOSTILE)}`)
      .replace('全区建成口袋公园48个。', `${HOSTILE}全区建成口袋公园48个。`),
  );
  const facts = join(dir, 'demo.yaml');
  writeFileSync(
    facts,
    readFileSync(facts, 'utf8')
      .replace('name: 口袋公园数量', `name: ${yamlText('口袋公园数量' + HOSTILE)}`)
      .replace('quote: 全区建成口袋公园48个', `quote: ${yamlText(HOSTILE + '全区建成口袋公园48个')}`),
  );
  return dir;
}
