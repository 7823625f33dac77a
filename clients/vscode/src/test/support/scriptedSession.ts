import type { DaemonConnection } from '../../connection/daemonConnection';
import type { SessionState } from '../../connection/daemonSession';
import { Emitter } from '../../connection/emitter';
import type {
  BuildReport, BuildStartedNotification, DiagnosticsChangedNotification, ExplainResult, StatusResult, WorkspaceStatus,
} from '../../protocol';
import type { SessionLike } from '../../ui/sessionLike';

/** A stand-in for DaemonSession whose events the test fires and whose requests it answers. */
export class ScriptedSession implements SessionLike {
  public readonly stateEmitter = new Emitter<SessionState>();
  public readonly started = new Emitter<BuildStartedNotification>();
  public readonly finished = new Emitter<BuildReport>();
  public readonly diagnostics = new Emitter<DiagnosticsChangedNotification>();
  public readonly opened = new Emitter<WorkspaceStatus>();
  public readonly calls: string[] = [];
  public roots: string[] = [];
  public state: SessionState = { kind: 'disconnected' };
  public disposed = false;
  public buildAnswer: ((root: string) => BuildReport) | undefined;
  public explainAnswer: ((root: string, file: string) => ExplainResult) | undefined;

  public readonly onStateChanged = this.stateEmitter.event;
  public readonly onBuildStarted = this.started.event;
  public readonly onBuildFinished = this.finished.event;
  public readonly onDiagnosticsChanged = this.diagnostics.event;
  public readonly onWorkspaceOpened = this.opened.event;

  public get openRoots(): readonly string[] { return this.roots; }

  public setRoots(roots: readonly string[]): Promise<void> {
    this.calls.push(`setRoots ${roots.join(',')}`);
    this.roots = [...roots];
    return Promise.resolve();
  }

  public fireState(state: SessionState): void {
    this.state = state;
    this.stateEmitter.fire(state);
  }

  public connect(): Promise<DaemonConnection> { return Promise.reject(new Error('not scripted')); }

  public build(root: string): Promise<BuildReport> {
    this.calls.push(`build ${root}`);
    if (!this.buildAnswer) { return Promise.reject(new Error('build not scripted')); }
    return Promise.resolve(this.buildAnswer(root));
  }

  public explain(root: string, file: string): Promise<ExplainResult> {
    this.calls.push(`explain ${root} ${file}`);
    if (!this.explainAnswer) { return Promise.reject(new Error('explain not scripted')); }
    return Promise.resolve(this.explainAnswer(root, file));
  }

  public status(): Promise<StatusResult> { return Promise.reject(new Error('not scripted')); }

  public stop(): Promise<void> {
    this.calls.push('stop');
    this.fireState({ kind: 'stopped' });
    return Promise.resolve();
  }

  public restart(): Promise<DaemonConnection> {
    this.calls.push('restart');
    const daemon = { protocolVersion: 1, daemonVersion: '0.1.0', daemonBuild: 'x', pid: 4242, startedAt: '' };
    this.fireState({ kind: 'connected', daemon });
    return Promise.resolve({ daemon } as unknown as DaemonConnection);
  }

  public dispose(): void { this.disposed = true; }
}

export function report(root: string, overrides: Partial<BuildReport> = {}): BuildReport {
  return {
    root, generation: 3, succeeded: true, mode: 'native', upToDate: false,
    artifacts: [{ kind: 'wheel', path: `${root}/dist/tinypkg-0.1.0-py3-none-any.whl`, size: 900, entries: 4, sha256: 'ab', rewritten: true }],
    changedEntries: ['tinypkg/__init__.py'],
    timings: { reconcileMs: 1, loadMs: 1, selectMs: 1, readMs: 1, wheelMs: 5, sdistMs: 5, totalMs: 37 },
    diagnostics: [],
    ...overrides,
  };
}
