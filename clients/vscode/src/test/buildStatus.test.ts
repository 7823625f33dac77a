import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildStatusModel } from '../ui/buildStatusModel';
import { StatusBarPresenter } from '../ui/statusBarPresenter';
import { FakeVscode } from './support/fakeVscode';
import { report } from './support/scriptedSession';

const ROOT = '/w/tinypkg';
const daemon = { protocolVersion: 1, daemonVersion: '0.1.0', daemonBuild: '0.1.0+abc', pid: 7, startedAt: '' };
const error = { code: 'PD1002', severity: 'error' as const, message: 'bad TOML', file: 'pyproject.toml', line: 1, column: 9 };

function setup(): { model: BuildStatusModel; fake: FakeVscode; bar: StatusBarPresenter } {
  const fake = new FakeVscode();
  const model = new BuildStatusModel();
  const bar = new StatusBarPresenter(fake.api, model);
  model.sessionChanged({ kind: 'connected', daemon });
  model.workspaceOpened({ root: ROOT, state: 'idle', generation: 1, pendingChanges: 0, rescans: 0, watchMode: 'events', holders: 1, diagnostics: [] });
  return { model, fake, bar };
}

describe('the status bar state machine', () => {
  it('goes idle -> settling (save) -> building -> idle, with the build ms and the wheel name', () => {
    const { model, fake, bar } = setup();
    bar.render();
    assert.equal(model.summary().state, 'idle');
    assert.equal(fake.statusBar.command, 'packd.showDetails');
    model.fileSaved(ROOT);
    bar.render();
    assert.equal(model.summary().state, 'settling');
    assert.match(fake.statusBar.text, /settling/);
    model.buildStarted({ root: ROOT, generation: 2, changedFiles: 1, trigger: 'watch' });
    bar.render();
    assert.match(fake.statusBar.text, /^\$\(sync~spin\) packd building/);
    model.buildFinished(report(ROOT));
    bar.render();
    assert.equal(fake.statusBar.text, '$(package) packd 37 ms · tinypkg-0.1.0-py3-none-any.whl');
    assert.equal(fake.statusBar.visible, true);
    assert.equal(fake.statusBar.backgroundColor, undefined);
  });

  it('keeps building through a superseded build and a save, until build/finished', () => {
    const { model } = setup();
    model.buildStarted({ root: ROOT, generation: 2, changedFiles: 1, trigger: 'watch' });
    model.buildStarted({ root: ROOT, generation: 3, changedFiles: 2, trigger: 'watch' });
    model.fileSaved(ROOT);
    assert.equal(model.summary().state, 'building');
    model.buildFinished(report(ROOT, { generation: 3 }));
    assert.equal(model.summary().state, 'idle');
  });

  it('shows failed with the error count and the error colour, and recovers when the diagnostics clear', () => {
    const { model, fake, bar } = setup();
    model.buildFinished(report(ROOT));
    model.buildFinished(report(ROOT, { succeeded: false, artifacts: [], diagnostics: [error] }));
    bar.render();
    assert.equal(model.summary().state, 'failed');
    assert.match(fake.statusBar.text, /^\$\(error\) packd failed \(1 error\) · 37 ms$/);
    assert.ok(fake.statusBar.backgroundColor, 'the error background is set');
    model.diagnosticsChanged({ root: ROOT, generation: 4, diagnostics: [] });
    assert.equal(model.summary().state, 'idle');
    assert.equal(model.project(ROOT)?.wheelName, 'tinypkg-0.1.0-py3-none-any.whl', 'the last good wheel is kept');
    model.diagnosticsChanged({ root: ROOT, generation: 5, diagnostics: [error] });
    assert.equal(model.summary().state, 'failed');
  });

  it('prefers the project that is building or failing over an idle one', () => {
    const { model } = setup();
    model.workspaceOpened({ root: '/w/other', state: 'idle', generation: 1, pendingChanges: 0, rescans: 0, watchMode: 'events', holders: 1, diagnostics: [] });
    model.buildStarted({ root: '/w/other', generation: 2, changedFiles: 1, trigger: 'request' });
    assert.equal(model.summary().project?.root, '/w/other');
  });

  it('shows the daemon being stopped, disconnected with the reason, and hides without a project', () => {
    const { model, fake, bar } = setup();
    model.sessionChanged({ kind: 'stopped' });
    bar.render();
    assert.match(fake.statusBar.text, /packd stopped/);
    model.sessionChanged({ kind: 'failed', message: "cannot run packd at 'nope'", retryInMs: 1000 });
    bar.render();
    assert.match(String(fake.statusBar.tooltip), /cannot run packd at 'nope'/);
    model.forget(ROOT);
    model.sessionChanged({ kind: 'disconnected' });
    bar.render();
    assert.equal(fake.statusBar.visible, false);
  });
});
