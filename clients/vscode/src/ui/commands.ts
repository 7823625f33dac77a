import * as path from 'node:path';
import type * as vscode from 'vscode';
import { describe as describeError } from '../connection/daemonSession';
import type { ExplainResult } from '../protocol';
import { readZipEntries } from '../wheel/zipDirectory';
import type { BuildLog } from './buildLog';
import { describeExplain } from './buildLog';
import type { BuildStatusModel } from './buildStatusModel';
import { realPath, rootOfFile } from './projectRoots';
import type { SessionLike } from './sessionLike';
import { SHOW_DETAILS_COMMAND } from './statusBarPresenter';
import type { VscodeApi } from './vscodeApi';

/** Command ids, as package.json contributes them. */
export const CommandIds = {
  buildNow: 'packd.buildNow',
  showWheelContents: 'packd.showWheelContents',
  explain: 'packd.explainFile',
  openDist: 'packd.openDistFolder',
  restartDaemon: 'packd.restartDaemon',
  stopDaemon: 'packd.stopDaemon',
  showDetails: SHOW_DETAILS_COMMAND,
} as const;

export interface CommandContext {
  api: VscodeApi;
  session: SessionLike;
  model: BuildStatusModel;
  log: BuildLog;
  channel: vscode.LogOutputChannel;
}

/** Registers every command; the caller puts the returned disposables in context.subscriptions. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers = new PackdCommands(context);
  const register = (id: string, handler: () => Promise<unknown>): vscode.Disposable =>
    context.api.commands.registerCommand(id, async () => {
      try {
        return await handler();
      } catch (error) {
        context.log.error(`${id}: ${describeError(error)}`);
        void context.api.window.showErrorMessage(`packd: ${describeError(error)}`);
        return undefined;
      }
    });
  return [
    register(CommandIds.buildNow, () => handlers.buildNow()),
    register(CommandIds.showWheelContents, () => handlers.showWheelContents()),
    register(CommandIds.explain, () => handlers.explain()),
    register(CommandIds.openDist, () => handlers.openDist()),
    register(CommandIds.restartDaemon, () => handlers.restart()),
    register(CommandIds.stopDaemon, () => handlers.stop()),
    register(CommandIds.showDetails, () => handlers.showDetails()),
  ];
}

/** A wheel entry as the quick pick shows it. */
export interface WheelEntryItem extends vscode.QuickPickItem {
  size: number;
}

class PackdCommands {
  public constructor(private readonly c: CommandContext) {}

  /** Builds the active file's project, or every open project. */
  public async buildNow(): Promise<void> {
    for (const root of this.targetRoots()) {
      const report = await this.c.session.build(root);
      if (!report.succeeded) {
        const errors = report.diagnostics.filter(d => d.severity === 'error').length;
        void this.c.api.window.showWarningMessage(`packd: the build of ${path.basename(root)} failed with ${errors} error(s); see the Problems panel.`);
      }
    }
  }

  /** A quick pick of the wheel's entries with their sizes, read from the wheel on disk. */
  public async showWheelContents(): Promise<WheelEntryItem | undefined> {
    const root = this.singleRoot();
    const wheel = this.c.model.project(root)?.wheelPath
      ?? (await this.c.session.build(root)).artifacts.find(a => a.kind === 'wheel')?.path;
    if (!wheel) {
      throw new Error(`${root} has no wheel yet: its build failed (see the Problems panel).`);
    }
    const entries = await readZipEntries(wheel);
    const items: WheelEntryItem[] = entries
      .filter(e => !e.name.endsWith('/'))
      .map(e => ({ label: e.name, description: formatSize(e.size), detail: undefined, size: e.size }));
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    return this.c.api.window.showQuickPick(items, {
      title: `${path.basename(wheel)}: ${items.length} entries, ${formatSize(total)} unpacked`,
      placeHolder: 'Filter the wheel entries',
      matchOnDescription: true,
    });
  }

  /** Why the active editor's file is (not) in the wheel and the sdist. */
  public async explain(): Promise<ExplainResult | undefined> {
    const file = this.c.api.window.activeTextEditor?.document.uri.fsPath;
    if (!file) {
      void this.c.api.window.showInformationMessage('packd: open the file to explain in an editor first.');
      return undefined;
    }
    const root = rootOfFile(this.c.session.openRoots, file);
    if (!root) {
      void this.c.api.window.showInformationMessage(`packd: ${path.basename(file)} is not inside a Python project packd watches.`);
      return undefined;
    }
    // The daemon accepts an absolute path inside its (resolved) root, so resolve symlinks the same way.
    const result = await this.c.session.explain(root, realPath(file));
    this.c.log.explained(result);
    void this.c.api.window.showInformationMessage(describeExplain(result));
    return result;
  }

  public async openDist(): Promise<void> {
    const root = this.singleRoot();
    const wheel = this.c.model.project(root)?.wheelPath;
    const folder = wheel ? path.dirname(wheel) : path.join(root, 'dist');
    await this.c.api.commands.executeCommand('revealFileInOS', this.c.api.Uri.file(folder));
  }

  public async restart(): Promise<void> {
    const connection = await this.c.session.restart();
    void this.c.api.window.showInformationMessage(`packd: restarted the daemon (pid ${connection.daemon.pid}).`);
  }

  public async stop(): Promise<void> {
    await this.c.session.stop();
    void this.c.api.window.showInformationMessage('packd: stopped the daemon. Build Now or Restart Daemon starts it again.');
  }

  /** The status bar's click: the daemon's and every project's state in the log, then the log itself. */
  public async showDetails(): Promise<void> {
    const state = this.c.session.state;
    if (state.kind === 'connected') {
      const status = await this.c.session.status();
      this.c.log.info(`daemon pid ${status.pid} ${status.daemonVersion}, up ${Math.round(status.uptimeMs / 1000)} s, ` +
        `${Math.round(status.workingSetBytes / 1048576)} MiB, ${status.connections} connection(s)`);
      for (const workspace of status.workspaces) {
        const last = workspace.lastBuild;
        this.c.log.info(`${workspace.root}: ${workspace.state}, generation ${workspace.generation}, watching by ${workspace.watchMode}` +
          (last ? `, last build ${last.succeeded ? 'succeeded' : 'failed'} in ${last.totalMs} ms` : '') +
          (workspace.watchWarning ? ` (${workspace.watchWarning})` : ''));
      }
    } else {
      this.c.log.info(`not connected to the daemon (${state.kind}${state.kind === 'failed' ? `: ${state.message}` : ''})`);
    }
    this.c.channel.show(true);
  }

  private targetRoots(): readonly string[] {
    const active = this.c.api.window.activeTextEditor?.document.uri.fsPath;
    const root = active ? rootOfFile(this.c.session.openRoots, active) : undefined;
    const roots = root ? [root] : this.c.session.openRoots;
    if (roots.length === 0) {
      throw new Error('no open folder has a pyproject.toml or setup.py.');
    }
    return roots;
  }

  private singleRoot(): string {
    const roots = this.targetRoots();
    const first = roots[0];
    if (first === undefined) {
      throw new Error('no open folder has a pyproject.toml or setup.py.');
    }
    return first;
  }
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KiB`;
  }
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
