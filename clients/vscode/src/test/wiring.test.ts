import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CommandIds, type WheelEntryItem } from '../ui/commands';
import { wireExtension } from '../ui/extensionWiring';
import { FakeUri, FakeVscode } from './support/fakeVscode';
import { packdPath, PYPROJECT } from './support/sandbox';
import { report, ScriptedSession } from './support/scriptedSession';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, unknown> } };
};

describe('the extension wiring against a fake vscode', () => {
  let project: string;

  before(() => {
    // A real project with a real wheel built by packd in-process, for the wheel contents command.
    project = fs.realpathSync(fs.mkdtempSync('/tmp/pdv-wire-'));
    fs.writeFileSync(path.join(project, 'pyproject.toml'), PYPROJECT);
    fs.mkdirSync(path.join(project, 'src', 'tinypkg'), { recursive: true });
    fs.writeFileSync(path.join(project, 'src', 'tinypkg', '__init__.py'), 'VALUE = 1\n');
    execFileSync(packdPath, ['build', project, '--no-daemon'], { encoding: 'utf8' });
  });
  after(() => { fs.rmSync(project, { recursive: true, force: true }); });

  function activate(): { fake: FakeVscode; session: ScriptedSession; subscriptions: { dispose(): void }[] } {
    const fake = new FakeVscode();
    fake.folders = [project, '/tmp'];
    const session = new ScriptedSession();
    const subscriptions: { dispose(): void }[] = [];
    wireExtension(fake.api, { subscriptions }, { createSession: () => session });
    return { fake, session, subscriptions };
  }

  it('registers every command package.json contributes, and the activation events name the project files', () => {
    const { fake } = activate();
    const contributed = manifest.contributes.commands.map(c => c.command).sort();
    assert.deepEqual([...fake.commandHandlers.keys()].sort(), contributed);
    assert.deepEqual(Object.values(CommandIds).sort(), contributed);
    assert.deepEqual(manifest.activationEvents.sort(), ['workspaceContains:pyproject.toml', 'workspaceContains:setup.py']);
    assert.ok('packd.path' in manifest.contributes.configuration.properties);
  });

  it('opens only the folders with a pyproject.toml or setup.py, and uses a log output channel', () => {
    const { fake, session } = activate();
    assert.deepEqual(session.calls, [`setRoots ${project}`]);
    assert.deepEqual(fake.log.options, { log: true });
  });

  it('puts every disposable in context.subscriptions: disposing them releases everything', () => {
    const { fake, session, subscriptions } = activate();
    subscriptions.forEach(s => { s.dispose(); });
    assert.equal(fake.commandHandlers.size, 0, 'every command was unregistered');
    assert.equal(fake.statusBar.disposed, true);
    assert.equal(fake.problems.disposed, true);
    assert.equal(fake.log.disposed, true);
    assert.equal(session.disposed, true);
    assert.equal(fake.saves.count + fake.folderChanges.count, 0, 'the workspace listeners were removed');
  });

  it('routes session events to the status bar, the Problems panel and the log', () => {
    const { fake, session } = activate();
    session.fireState({ kind: 'connected', daemon: { protocolVersion: 1, daemonVersion: '0.1.0', daemonBuild: 'b', pid: 1, startedAt: '' } });
    session.opened.fire({ root: project, state: 'idle', generation: 1, pendingChanges: 0, rescans: 0, watchMode: 'events', holders: 1, diagnostics: [] });
    fake.saves.fire({ uri: FakeUri.file(path.join(project, 'src', 'tinypkg', '__init__.py')) });
    assert.match(fake.statusBar.text, /settling/);
    session.started.fire({ root: project, generation: 2, changedFiles: 1, trigger: 'watch' });
    assert.match(fake.statusBar.text, /building/);
    session.finished.fire(report(project));
    assert.match(fake.statusBar.text, /37 ms · tinypkg-0.1.0-py3-none-any.whl/);
    assert.ok(fake.log.lines.some(l => l.level === 'info' && l.message.includes('built generation 3 in 37 ms')));
    session.diagnostics.fire({ root: project, generation: 4, diagnostics: [{ code: 'PD1002', severity: 'error', message: 'bad', file: 'pyproject.toml', line: 1, column: 2 }] });
    const [problem] = fake.problems.byFile.get(path.join(project, 'pyproject.toml')) ?? [];
    assert.ok(problem);
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [0, 1]);
    assert.match(fake.statusBar.text, /failed/);
  });

  it('Explain asks the daemon about the active editor file and shows the answer', async () => {
    const { fake, session } = activate();
    const file = path.join(project, 'src', 'tinypkg', '__init__.py');
    fake.activeFile = file;
    session.explainAnswer = (_root, p) => ({
      path: p, diagnostics: [],
      wheel: { included: true, archivePath: 'tinypkg/__init__.py', rule: 'package tinypkg' },
      sdist: { included: true, archivePath: 'tinypkg-0.1.0/src/tinypkg/__init__.py', rule: 'sdist default' },
    });
    await fake.run(CommandIds.explain);
    assert.deepEqual(session.calls.slice(-1), [`explain ${project} ${file}`]);
    assert.match(fake.messages.at(-1)?.text ?? '', /in the wheel as tinypkg\/__init__.py \(package tinypkg\)/);
  });

  it('Show Wheel Contents lists the entries of the real wheel with their sizes', async () => {
    const { fake, session } = activate();
    const wheel = path.join(project, 'dist', 'tinypkg-0.1.0-py3-none-any.whl');
    session.buildAnswer = root => report(root, { artifacts: [{ kind: 'wheel', path: wheel, size: 1, entries: 4, sha256: '', rewritten: false }] });
    const picked = await fake.run(CommandIds.showWheelContents) as WheelEntryItem | undefined;
    const items = (fake.quickPicks[0]?.items ?? []) as WheelEntryItem[];
    const names = items.map(i => i.label);
    assert.ok(names.includes('tinypkg/__init__.py'), names.join(', '));
    assert.ok(names.includes('tinypkg-0.1.0.dist-info/METADATA'));
    assert.equal(items.find(i => i.label === 'tinypkg/__init__.py')?.description, '10 B');
    assert.equal(picked?.label, items[0]?.label);
  });

  it('Open dist Folder reveals the wheel folder; Stop and Restart drive the session', async () => {
    const { fake, session } = activate();
    session.finished.fire(report(project));
    await fake.run(CommandIds.openDist);
    const reveal = fake.executed.find(e => e.id === 'revealFileInOS');
    assert.equal((reveal?.args[0] as { fsPath: string } | undefined)?.fsPath, path.join(project, 'dist'));
    await fake.run(CommandIds.stopDaemon);
    assert.match(fake.statusBar.text, /stopped/);
    await fake.run(CommandIds.restartDaemon);
    assert.deepEqual(session.calls.slice(-2), ['stop', 'restart']);
    assert.match(fake.messages.at(-1)?.text ?? '', /pid 4242/);
  });

  it('reports a failing command as an error message instead of throwing', async () => {
    const { fake } = activate();
    await fake.run(CommandIds.buildNow);
    assert.match(fake.messages.at(-1)?.text ?? '', /^packd: build not scripted/);
    assert.equal(fake.messages.at(-1)?.kind, 'error');
  });
});
