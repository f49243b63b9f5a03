/**
 * The scanner over the five normalized source articles: the exact list of claims it finds
 * in each body, reviewed by hand (headings, dates, names with digits, plan names and period
 * phrases are absent; durations such as 连续三年, shared units such as 30个, counts in
 * words such as 五大 and 两位数 before 增长 are present).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanPeriods, scanQuantities } from '../../server/src/core/numbers';

const SOURCES = path.resolve(__dirname, '../../../facts/sources');

function body(file: string): string {
  const text = fs.readFileSync(path.join(SOURCES, file), 'utf8');
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

const EXPECTED: Record<string, string[]> = {
  'hd-2022-01.md': ['7146.8亿元', '12.9%', '突破9500亿元', '24%', '10%以上', '一万亿元', '三个', '近100个', '1203万平方米', '548万平方米', '27个', '25个', '2个', '2座', '454个'],
  'hd-2025-07.md': ['四年', '突破万亿元', '12155.2亿元', '12907.1亿元', '两年', '四分之一强', '6636.8亿元', '6.9%', '26.5%', '6.3%', '1900余家', '95款', '近70%', '37所', '96家', '200.45万', '约四分之一', '262家', '9151家', '50家', '近40%', '14800家', '6902家', '24项', '约4690万平方米', '460万平方米', '近500家', '超700亿元', '11年', '41家', '4.7万套', '3.5万套', '1007万平方米', '220所', '181所', '4.6万个', '1474家', '23家', '34家', '56.5%', '1.53万公顷', '35.56%', '143个', '10年', '六大', '278公顷', '223.5公里', '80.9公里', '8个', '2个', '11处', '22处', '三年'],
  'hr-2023-07.md': ['五大', '37个', '40余个', '1至2所', '1个', '2个', '11个'],
  'hr-2024-08.md': ['三个', '37个', '2.3万人', '227项', '两届', '2.25万场', '360余万人次', '10届', '三年', '五分之一', '5年', '77.5%', '243个', '7.5%', '18%', '325家', '11.5%', '10.8%', '三年', '100%', '4年', '1-3年', '30个', '16个百分点', '9.9%', '29个', '8个', '83%', '91%', '200余位', '350余名', '两趟', '1300多名', '5000多名', '7000多名', '21平方公里', '17间', '近千间', '2.7万平米', '50余名', '2000余名', '6.99平方公里', '1000多家', '4000多部', '1.2万家', '35家', '17家', '1800余家', '100余家', '七年', '五大', '37个', '37个', '29个', '三分之二', '8个', '227项', '13项', '4项', '64万平方米', '18平方公里', '10个', '近90万小时', '3648小时', '百余家', '380余项', '超过60万小时', '近百场次', '3万余人', '40多个', '1000余名', '500余场', '500余万人'],
  'hr-2025-11.md': ['5.7%', '两位数', '6.5个百分点', '超过八成', '350余家', '37个', '29个', '16个', '6个', '4个', '八年', '93名', '2.6万名', '十个', '近2000名', '13.14公里', '8条', '6条', '70余部'],
};

describe('numbers: the five source articles', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: every claim, nothing else`, () => {
      const text = body(file);
      const qs = scanQuantities(text);
      assert.deepEqual(qs.map((q) => q.text), expected);
      for (const q of qs) {
        assert.equal(text.slice(q.start, q.end), q.text);
        assert.ok(q.start <= q.numberStart && q.numberStart < q.numberEnd && q.numberEnd <= q.end, `offsets of ${q.text}`);
        assert.ok(Number.isFinite(q.value) && q.precision > 0, `value of ${q.text}`);
      }
      for (let i = 1; i < qs.length; i++) assert.ok(qs[i - 1].end <= qs[i].start, 'in order, non-overlapping');
    });
  }

  it('no claim lies inside a period mention', () => {
    for (const file of Object.keys(EXPECTED)) {
      const text = body(file);
      const ps = scanPeriods(text);
      for (const q of scanQuantities(text)) {
        const inside = ps.find((p) => p.start <= q.numberStart && q.numberStart < p.end);
        assert.equal(inside, undefined, `${file}: ${q.text} inside ${inside?.text}`);
      }
    }
  });
});
