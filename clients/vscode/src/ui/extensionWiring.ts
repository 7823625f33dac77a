import type * as vscode from 'vscode';
import { PackdCliLauncher, type DaemonLauncher } from '../connection/daemonLauncher';
import { DaemonSession } from '../connection/daemonSession';
import { DaemonUnavailableError } from '../connection/daemonUnavailableError';
import { resolveRuntimeDirectory } from '../connection/runtimeDirectory';
import { BuildLog } from './buildLog';
import { BuildStatusModel } from './buildStatusModel';
import { registerCommands } from './commands';
import { DiagnosticsPresenter, type LineReader, readLinesFromDisk } from './diagnosticsPresenter';
import { isProjectFolder, realPath, rootOfFile } from './projectRoots';
import { readSettings } from './settings';
import type { SessionLike } from './sessionLike';
import { StatusBarPresenter } from './statusBarPresenter';
import type { VscodeApi } from './vscodeApi';

export const EXTENSION_VERSION = '0.1.0';

export interface WiringOptions {
  /** Tests pass a scripted session; the extension builds the real one from the settings. */
  createSession?: (log: BuildLog) => SessionLike;
  readLines?: LineReader;
}

/**
 * Everything activate() does, with the vscode module passed in: creates the parts, connects the session's events to
 * the status bar, the Problems panel and the log, registers the commands, and opens the project folders. Every
 * disposable goes into context.subscriptions, so deactivation needs no code of its own.
 */
export function wireExtension(api: VscodeApi, context: Pick<vscode.ExtensionContext, 'subscriptions'>,
  options: WiringOptions = {}): SessionLike {
  const channel = api.window.createOutputChannel('packd', { log: true });
  const log = new BuildLog(channel);
  const model = new BuildStatusModel();
  const statusBar = new StatusBarPresenter(api, model);
  const diagnostics = new DiagnosticsPresenter(api, options.readLines ?? readLinesFromDisk);
  const session = (options.createSession ?? (l => createSession(api, l)))(log);
  context.subscriptions.push(channel, statusBar, diagnostics, session);

  const render = (): void => { statusBar.render(); };
  context.subscriptions.push(
    session.onStateChanged(state => { model.sessionChanged(state); render(); }),
    session.onWorkspaceOpened(status => {
      model.workspaceOpened(status);
      diagnostics.replace(status.root, status.diagnostics);
      render();
    }),
    session.onBuildStarted(notification => { log.started(notification); model.buildStarted(notification); render(); }),
    session.onBuildFinished(report => { log.finished(report); model.buildFinished(report); render(); }),
    session.onDiagnosticsChanged(notification => {
      diagnostics.replace(notification.root, notification.diagnostics);
      model.diagnosticsChanged(notification);
      render();
    }),
    ...registerCommands({ api, session, model, log, channel }),
  );

  const openProjects = (): void => {
    const roots = (api.workspace.workspaceFolders ?? []).map(folder => folder.uri.fsPath).filter(isProjectFolder).map(realPath);
    const gone = session.openRoots.filter(root => !roots.includes(root));
    gone.forEach(root => { model.forget(root); diagnostics.clear(root); });
    session.setRoots(roots).catch((error: unknown) => { log.error(String(error)); });
    render();
  };
  context.subscriptions.push(
    api.workspace.onDidChangeWorkspaceFolders(openProjects),
    api.workspace.onDidSaveTextDocument(document => {
      if (document.uri.scheme !== 'file') {
        return;
      }
      if (/(^|\/)(pyproject\.toml|setup\.py)$/.test(document.uri.fsPath) && !rootOfFile(session.openRoots, document.uri.fsPath)) {
        openProjects(); // A folder just became a project.
        return;
      }
      const root = rootOfFile(session.openRoots, document.uri.fsPath);
      if (root) {
        model.fileSaved(root);
        render();
      }
    }),
  );
  openProjects();
  return session;
}

function createSession(api: VscodeApi, log: BuildLog): DaemonSession {
  const launcher: DaemonLauncher = {
    start: root => {
      const settings = readSettings(api);
      if (!settings.startDaemon) {
        return Promise.reject(new DaemonUnavailableError("no daemon is running and 'packd.startDaemon' is off: start one with 'packd daemon'."));
      }
      return new PackdCliLauncher(() => settings.path, environment(api)).start(root);
    },
  };
  return new DaemonSession({
    clientName: 'vscode',
    clientVersion: EXTENSION_VERSION,
    runtimeDirectory: () => resolveRuntimeDirectory(environment(api)),
    launcher,
    log: message => { log.info(message); },
  });
}

/** The process environment with the runtime folder setting applied, for discovery and for the packd it starts. */
function environment(api: VscodeApi): NodeJS.ProcessEnv {
  const settings = readSettings(api);
  return settings.runtimeDirectory ? { ...process.env, PACKD_RUNTIME_DIR: settings.runtimeDirectory } : process.env;
}
