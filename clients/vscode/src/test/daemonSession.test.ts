import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { PackdCliLauncher } from '../connection/daemonLauncher';
import { DaemonSession } from '../connection/daemonSession';
import { readDaemonInfo } from '../connection/daemonInfoFile';
import { packdPath, PYPROJECT, Sandbox } from './support/sandbox';
import { waitForEvent, waitUntil } from './support/waitFor';

/** The connection layer against a REAL packd-daemon, started by the session itself through the packd CLI. */
describe('DaemonSession against a real daemon', () => {
  let sandbox: Sandbox;
  let session: DaemonSession;

  beforeEach(() => {
    sandbox = new Sandbox();
    session = sandbox.session();
  });
  afterEach(() => { sandbox.dispose(); });

  async function openProject(): Promise<number> {
    const opened = waitForEvent(session.onWorkspaceOpened, s => s.root === sandbox.project, 'workspace/open');
    await session.setRoots([sandbox.project]);
    return (await opened).generation;
  }

  it('starts the daemon through packd, opens the project, and reports a build after an edit', async () => {
    const connected = waitForEvent(session.onStateChanged, s => s.kind === 'connected', 'a connection');
    const generation = await openProject();
    await connected;
    assert.ok(readDaemonInfo(sandbox.infoPath), 'the session started a daemon in the temp runtime folder');

    const finished = waitForEvent(session.onBuildFinished,
      r => r.root === sandbox.project && r.generation > generation && r.changedEntries.includes('tinypkg/__init__.py'),
      'build/finished for the edited file');
    const started = waitForEvent(session.onBuildStarted, n => n.root === sandbox.project && n.trigger === 'watch',
      'build/started from the watcher');
    sandbox.write('src/tinypkg/__init__.py', 'VALUE = 2\n');
    await started;
    const report = await finished;
    assert.equal(report.succeeded, true);
    const wheel = report.artifacts.find(a => a.kind === 'wheel');
    assert.ok(wheel && fs.existsSync(wheel.path), `the wheel exists on disk: ${wheel?.path ?? 'none'}`);
  });

  it('reports the error of a broken pyproject.toml as diagnostics/changed, and clears it when fixed', async () => {
    await openProject();
    const broken = waitForEvent(session.onDiagnosticsChanged,
      n => n.root === sandbox.project && n.diagnostics.some(d => d.file === 'pyproject.toml' && d.severity === 'error'),
      'diagnostics for the broken pyproject.toml');
    sandbox.write('pyproject.toml', '[project\nname = "tinypkg"\n');
    const diagnostic = (await broken).diagnostics.find(d => d.file === 'pyproject.toml');
    assert.ok(diagnostic);
    assert.equal(diagnostic.code, 'PD1002');
    assert.equal(diagnostic.line, 1);
    assert.ok(diagnostic.column > 0, 'the TOML error has a column');

    const cleared = waitForEvent(session.onDiagnosticsChanged,
      n => n.root === sandbox.project && !n.diagnostics.some(d => d.severity === 'error'), 'the diagnostics cleared');
    sandbox.write('pyproject.toml', PYPROJECT);
    await cleared;
  });

  it('answers build and explain requests', async () => {
    await openProject();
    const report = await session.build(sandbox.project);
    assert.equal(report.succeeded, true);
    assert.deepEqual(report.artifacts.map(a => a.kind).sort(), ['sdist', 'wheel']);

    const explained = await session.explain(sandbox.project, 'src/tinypkg/__init__.py');
    assert.equal(explained.wheel?.included, true);
    assert.equal(explained.wheel.archivePath, 'tinypkg/__init__.py');
    const outside = await session.explain(sandbox.project, 'dist/nothing.txt');
    assert.equal(outside.wheel?.included, false);
    assert.ok(outside.wheel.rule.length > 0, 'the rule that excluded it is named');
  });

  it('reconnects by itself after the daemon is stopped, and re-opens the project', async () => {
    await openProject();
    const first = readDaemonInfo(sandbox.infoPath);
    assert.ok(first);

    const reconnected = waitForEvent(session.onStateChanged,
      s => s.kind === 'connected' && s.daemon.pid !== first.pid, 'a connection to a new daemon');
    const reopened = waitForEvent(session.onWorkspaceOpened, s => s.root === sandbox.project, 'the project re-opened');
    sandbox.packd('stop');
    await reconnected;
    const status = await reopened;

    const finished = waitForEvent(session.onBuildFinished,
      r => r.root === sandbox.project && r.generation > status.generation, 'build/finished from the new daemon');
    sandbox.write('src/tinypkg/extra.py', 'EXTRA = True\n');
    assert.equal((await finished).succeeded, true);
  });

  it('reconnects after the daemon is killed, though daemon.json names the dead one', async () => {
    await openProject();
    const first = readDaemonInfo(sandbox.infoPath);
    assert.ok(first);
    const reconnected = waitForEvent(session.onStateChanged,
      s => s.kind === 'connected' && s.daemon.pid !== first.pid, 'a connection to a new daemon');
    const reopened = waitForEvent(session.onWorkspaceOpened, s => s.root === sandbox.project, 'the project re-opened');
    process.kill(first.pid, 'SIGKILL');
    const state = await reconnected;
    await reopened;
    assert.equal(state.kind === 'connected' ? state.daemon.pid : -1, readDaemonInfo(sandbox.infoPath)?.pid);
  });

  it('stays stopped after stop(), and connect() starts a daemon again', async () => {
    await openProject();
    const first = readDaemonInfo(sandbox.infoPath);
    assert.ok(first);
    await session.stop();
    assert.equal(session.state.kind, 'stopped');
    await waitUntil(() => !processExists(first.pid), 'the daemon process to exit');
    assert.equal(session.state.kind, 'stopped');

    const connection = await session.connect();
    assert.notEqual(connection.daemon.pid, first.pid);
  });

  it('closes a folder that is no longer open, and keeps serving the others', async () => {
    await openProject();
    await session.setRoots([]);
    const status = await session.status();
    const workspace = status.workspaces.find(w => w.root === sandbox.project);
    assert.ok(workspace, 'an unheld workspace stays watched for the keep-alive period');
    assert.equal(workspace.holders, 0);
    assert.ok(workspace.keepAliveUntil, 'and says until when');
  });

  it('names the packd.path setting when packd cannot be run', async () => {
    const broken = new DaemonSession({
      clientName: 'vscode-test', clientVersion: '0.0.0',
      runtimeDirectory: () => sandbox.runtimeDirectory,
      launcher: new PackdCliLauncher(() => '/nonexistent/packd', sandbox.env),
      retryDelaysMs: [60_000],
    });
    try {
      const failed = waitForEvent(broken.onStateChanged, s => s.kind === 'failed', 'the failed state');
      await broken.setRoots([sandbox.project]);
      const state = await failed;
      assert.match(state.kind === 'failed' ? state.message : '', /cannot run packd at '\/nonexistent\/packd'.*'packd\.path' setting/);
    } finally {
      broken.dispose();
    }
  });

  it('refuses a runtime folder that is a symlink', async () => {
    const link = `${sandbox.runtimeDirectory}-link`;
    fs.symlinkSync(sandbox.runtimeDirectory, link);
    try {
      const linked = new DaemonSession({
        clientName: 'vscode-test', clientVersion: '0.0.0', runtimeDirectory: () => link,
        launcher: new PackdCliLauncher(() => packdPath, sandbox.env), retryDelaysMs: [60_000],
      });
      await assert.rejects(linked.connect(), /is a symlink or not a folder/);
      linked.dispose();
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('refuses a runtime folder that other users can write', async () => {
    fs.chmodSync(sandbox.runtimeDirectory, 0o777);
    await session.setRoots([]);
    await assert.rejects(session.connect(), /writable by other users.*chmod 700/);
    assert.equal(readDaemonInfo(sandbox.infoPath), undefined, 'no daemon was started there');
  });
});

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
