/**
 * The status bar's model (client/src/statusModel.ts), driven by factcheck/status
 * notifications as the server sends them: a draft shows the state of the base it was
 * checked against, even when another base's state arrives later (multi-root reloads,
 * "Check All"); a broken save of its own base shows at once; fact files and sources show
 * the base instead of spinning; ignored documents hide the item.
 */
import * as assert from 'node:assert/strict';
import { StatusModel } from '../../client/src/statusModel';
import type { FactBaseState } from '../../server/src/protocol';

const A: FactBaseState = { key: '/a/facts', ok: true, message: 'Fact base loaded: 2 facts, 1 source', problems: 0 };
const B: FactBaseState = { key: '/b/facts', ok: true, message: 'Fact base loaded: 900 facts, 5 sources', problems: 0 };
const counts = { verified: 3, error: 1, warning: 1, information: 2, hint: 0, byCode: { 'wrong-value': 1, 'outdated-value': 1, unverified: 2 } };

describe('status bar model', () => {
  it('spins until the server says something about the document, and hides what is not sent', () => {
    const m = new StatusModel();
    assert.deepEqual(m.view('file:///a/d.md', true), { kind: 'checking' });
    assert.deepEqual(m.view('file:///a/d.md', false), { kind: 'hidden' });
    assert.deepEqual(m.view(undefined, true), { kind: 'hidden' });
  });

  it('shows a draft with the latest state of its own base, whatever base spoke last', () => {
    const m = new StatusModel();
    m.update({ factBase: A, document: { uri: 'file:///a/d.md', kind: 'draft', counts } });
    m.update({ factBase: B, document: { uri: 'file:///b/e.md', kind: 'draft', counts } });
    m.update({ factBase: { ...B, message: 'Fact base loaded: 901 facts, 5 sources' } });
    assert.deepEqual(m.view('file:///a/d.md', true), { kind: 'draft', counts, base: A });
    const broken = { ...A, ok: false, message: 'The fact base has 1 error; still using the last good version', problems: 1 };
    m.update({ factBase: broken });
    assert.deepEqual(m.view('file:///a/d.md', true), { kind: 'draft', counts, base: broken }, 'the broken save shows before the draft is edited');
    assert.equal(m.kindOf('file:///a/d.md'), 'draft');
  });

  it('shows fact files and sources as part of their base, hides ignored documents, and says when a check failed', () => {
    const m = new StatusModel();
    m.update({ factBase: A, document: { uri: 'file:///a/facts/x.yaml', kind: 'factBase' } });
    m.update({ factBase: A, document: { uri: 'file:///a/notes.md', kind: 'ignored' } });
    m.update({ factBase: A, document: { uri: 'file:///a/d.md', kind: 'draft', failed: 'Checking d.md failed: boom' } });
    assert.deepEqual(m.view('file:///a/facts/x.yaml', true), { kind: 'factBase', base: A });
    assert.deepEqual(m.view('file:///a/notes.md', true), { kind: 'hidden' });
    assert.deepEqual(m.view('file:///a/d.md', true), { kind: 'failed', message: 'Checking d.md failed: boom', base: A });
    m.forget('file:///a/facts/x.yaml');
    assert.deepEqual(m.view('file:///a/facts/x.yaml', true), { kind: 'checking' });
    m.clear();
    assert.deepEqual(m.view('file:///a/d.md', true), { kind: 'checking' });
  });

  it('matches the server’s spelling of a URI to the editor’s', () => {
    const m = new StatusModel((u) => u.replace('%3A', ':'));
    m.update({ factBase: A, document: { uri: 'file:///c%3A/d.md', kind: 'draft', counts } });
    assert.equal(m.view('file:///c:/d.md', true).kind, 'draft');
  });
});
