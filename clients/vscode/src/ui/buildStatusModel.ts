import type { SessionState } from '../connection/daemonSession';
import type {
  BuildReport, BuildStartedNotification, DiagnosticReport, DiagnosticsChangedNotification, WorkspaceStatus,
} from '../protocol';

/** What the status bar shows, from worst to best. */
export type DisplayState = 'no-project' | 'disconnected' | 'stopped' | 'idle' | 'settling' | 'building' | 'failed';

/** One project's state as the extension last learned it. */
export interface ProjectView {
  root: string;
  state: 'idle' | 'settling' | 'building' | 'failed';
  lastBuildMs?: number;
  wheelPath?: string;
  wheelName?: string;
  errors: number;
  warnings: number;
}

export interface StatusSummary {
  state: DisplayState;
  /** The project the summary is about (the one building, failing, or the most recently built). */
  project?: ProjectView;
  /** Why there is no daemon, when that is the state. */
  reason?: string;
}

/**
 * The status bar's state machine, fed by the session's events and by saves. It has no vscode dependency so its
 * transitions are tested directly:
 * - a save moves an idle or failed project to `settling` (the daemon waits for the tree to settle before building);
 * - `build/started` moves it to `building`, and it stays there until a `build/finished` (a superseded build is
 *   followed by another build/started, never by its own build/finished);
 * - `build/finished` moves it to `idle` or `failed` with the build's milliseconds and wheel;
 * - `diagnostics/changed` with errors marks an idle project failed, and without errors clears that.
 */
export class BuildStatusModel {
  private readonly projects = new Map<string, ProjectView>();
  private session: SessionState = { kind: 'disconnected' };
  private lastActive: string | undefined;

  public sessionChanged(state: SessionState): void {
    this.session = state;
  }

  public workspaceOpened(status: WorkspaceStatus): void {
    const view = this.view(status.root);
    view.state = status.state === 'waiting-for-git' ? 'settling' : status.state;
    if (status.lastBuild) {
      view.lastBuildMs = status.lastBuild.totalMs;
      this.setWheel(view, status.lastBuild.artifacts.find(a => a.kind === 'wheel')?.path);
    }
    this.count(view, status.diagnostics);
  }

  public fileSaved(root: string): void {
    const view = this.projects.get(root);
    if (view && view.state !== 'building') {
      view.state = 'settling';
      this.lastActive = root;
    }
  }

  public buildStarted(notification: BuildStartedNotification): void {
    this.view(notification.root).state = 'building';
    this.lastActive = notification.root;
  }

  public buildFinished(report: BuildReport): void {
    const view = this.view(report.root);
    view.state = report.succeeded ? 'idle' : 'failed';
    view.lastBuildMs = report.timings.totalMs;
    const wheel = report.artifacts.find(a => a.kind === 'wheel');
    if (wheel) {
      this.setWheel(view, wheel.path);
    }
    this.count(view, report.diagnostics);
    this.lastActive = report.root;
  }

  public diagnosticsChanged(notification: DiagnosticsChangedNotification): void {
    const view = this.view(notification.root);
    this.count(view, notification.diagnostics);
    if (view.state === 'idle' && view.errors > 0) {
      view.state = 'failed';
    } else if (view.state === 'failed' && view.errors === 0) {
      view.state = 'idle';
    }
  }

  public forget(root: string): void {
    this.projects.delete(root);
  }

  public project(root: string): ProjectView | undefined {
    return this.projects.get(root);
  }

  public get allProjects(): readonly ProjectView[] {
    return [...this.projects.values()];
  }

  public summary(): StatusSummary {
    switch (this.session.kind) {
      case 'stopped':
        return { state: 'stopped' };
      case 'failed':
        return { state: 'disconnected', reason: this.session.message };
      case 'disconnected':
      case 'connecting':
        if (this.projects.size === 0) {
          return { state: 'no-project' };
        }
        return { state: 'disconnected' };
      case 'connected':
        break;
    }
    const all = [...this.projects.values()];
    const pick = (state: ProjectView['state']): ProjectView | undefined => all.find(p => p.state === state);
    const project = pick('building') ?? pick('failed') ?? pick('settling')
      ?? (this.lastActive ? this.projects.get(this.lastActive) : undefined) ?? all[0];
    if (!project) {
      return { state: 'no-project' };
    }
    return { state: project.state, project };
  }

  private view(root: string): ProjectView {
    let view = this.projects.get(root);
    if (!view) {
      view = { root, state: 'idle', errors: 0, warnings: 0 };
      this.projects.set(root, view);
    }
    return view;
  }

  private setWheel(view: ProjectView, wheelPath: string | undefined): void {
    view.wheelPath = wheelPath;
    view.wheelName = wheelPath?.split('/').pop();
  }

  private count(view: ProjectView, diagnostics: readonly DiagnosticReport[]): void {
    view.errors = diagnostics.filter(d => d.severity === 'error').length;
    view.warnings = diagnostics.filter(d => d.severity === 'warning').length;
  }
}
