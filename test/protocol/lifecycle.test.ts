/**
 * The server process: `factcheck lsp` needs a transport, shutdown + exit ends it with
 * status 0, and it exits by itself when the client process named in initialize dies.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LspTestClient, ROOT } from './lspClient';

describe('protocol: server lifecycle', function () {
  this.timeout(30000);

  it('refuses to start without a transport, with a usage message', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'factcheck.js'), 'lsp'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: factcheck lsp --stdio/);
  });

  it('exits with status 0 after shutdown and exit', async () => {
    const { client, init } = await LspTestClient.start();
    assert.equal(init.serverInfo?.name, 'factcheck');
    assert.equal(await client.stop(), 0);
  });

  it('exits when the client process named in initialize dies', async () => {
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const { client } = await LspTestClient.start({ processId: parent.pid });
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    parent.kill('SIGKILL');
    const code = await exited; // the watchdog polls every 3 s
    assert.notEqual(code, null, 'the server ended by itself, not by a signal');
    client.connection.dispose();
  });
});
