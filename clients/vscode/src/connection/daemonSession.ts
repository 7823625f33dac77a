import * as fs from 'node:fs';
import type {
  BuildReport, BuildStartedNotification, DiagnosticsChangedNotification, ExplainResult, InitializeResult,
  StatusResult, WorkspaceStatus,
} from '../protocol';
import { DaemonConnection, ProtocolMismatchError } from './daemonConnection';
import type { DaemonLauncher } from './daemonLauncher';
import { readDaemonInfo } from './daemonInfoFile';
import { DaemonUnavailableError } from './daemonUnavailableError';
import { type Disposable, Emitter } from './emitter';
import { infoPath, verifyRuntimeDirectory } from './runtimeDirectory';

export type SessionState =
  | { kind: 'disconnected' }
  | { kind: 'connecting' }
  | { kind: 'connected'; daemon: InitializeResult }
  /** The user stopped the daemon: nothing reconnects until they build or restart. */
  | { kind: 'stopped' }
  /** The last attempt failed; another follows after `retryInMs`. */
  | { kind: 'failed'; message: string; retryInMs: number };

export interface SessionOptions {
  clientName: string;
  clientVersion: string;
  /** Resolved on every attempt, so a changed setting or environment applies to the next connection. */
  runtimeDirectory: () => string;
  launcher: DaemonLauncher;
  log?: (message: string) => void;
  /** Waits between reconnection attempts; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000, 10_000];

/**
 * Keeps one connection to the user's daemon alive and the project folders open on it: finds the daemon through
 * daemon.json, starts it through the launcher when absent, and after the daemon goes away (restart, crash, upgrade)
 * connects again by itself and re-opens every folder. Independent of the vscode API, so it is tested against a real
 * daemon with node's test runner.
 */
export class DaemonSession implements Disposable {
  private readonly stateEmitter = new Emitter<SessionState>();
  private readonly startedEmitter = new Emitter<BuildStartedNotification>();
  private readonly finishedEmitter = new Emitter<BuildReport>();
  private readonly diagnosticsEmitter = new Emitter<DiagnosticsChangedNotification>();
  private readonly openedEmitter = new Emitter<WorkspaceStatus>();
  private readonly roots = new Set<string>();
  private connection: DaemonConnection | undefined;
  private connecting: Promise<DaemonConnection> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stoppedByUser = false;
  private disposed = false;
  private current: SessionState = { kind: 'disconnected' };

  public readonly onStateChanged = this.stateEmitter.event;
  public readonly onBuildStarted = this.startedEmitter.event;
  public readonly onBuildFinished = this.finishedEmitter.event;
  public readonly onDiagnosticsChanged = this.diagnosticsEmitter.event;
  /** A folder was opened (also after every reconnection), with its status: last build, diagnostics, state. */
  public readonly onWorkspaceOpened = this.openedEmitter.event;

  public constructor(private readonly options: SessionOptions) {}

  public get state(): SessionState {
    return this.current;
  }

  public get openRoots(): readonly string[] {
    return [...this.roots];
  }

  /** Replaces the set of project folders: opens the new ones, closes the ones gone, and connects when needed. */
  public async setRoots(roots: readonly string[]): Promise<void> {
    const wanted = new Set(roots.map(canonicalRoot));
    const added = [...wanted].filter(root => !this.roots.has(root));
    const removed = [...this.roots].filter(root => !wanted.has(root));
    this.roots.clear();
    wanted.forEach(root => this.roots.add(root));
    const connection = this.connection;
    if (connection) {
      await Promise.all([
        ...added.map(root => this.open(connection, root)),
        ...removed.map(root => connection.closeWorkspace(root).catch((error: unknown) => { this.log(`closing ${root}: ${describe(error)}`); })),
      ]);
    } else if (this.roots.size > 0 && !this.stoppedByUser) {
      this.connectInBackground();
    }
  }

  /** The live connection, connecting (and starting the daemon) first when needed. A user's explicit action also
   * ends a user stop. */
  public async connect(): Promise<DaemonConnection> {
    this.stoppedByUser = false;
    if (this.connection && !this.connection.closedAlready) {
      return this.connection;
    }
    this.connecting ??= this.connectOnce().finally(() => { this.connecting = undefined; });
    return this.connecting;
  }

  public async build(root: string): Promise<BuildReport> {
    return (await this.connect()).build(canonicalRoot(root));
  }

  public async explain(root: string, file: string): Promise<ExplainResult> {
    return (await this.connect()).explain(canonicalRoot(root), file);
  }

  public async status(): Promise<StatusResult> {
    return (await this.connect()).status();
  }

  /** Asks the daemon to shut down and does not reconnect until connect(), build() or restart(). */
  public async stop(): Promise<void> {
    this.stoppedByUser = true;
    this.cancelRetry();
    const connection = this.connection;
    if (connection) {
      const closed = new Promise<void>(resolve => connection.onClose(() => { resolve(); }));
      await connection.shutdown();
      await closed;
    }
    this.setState({ kind: 'stopped' });
  }

  /** Stops the daemon and starts a new one with the folders re-opened. */
  public async restart(): Promise<DaemonConnection> {
    await this.stop();
    return this.connect();
  }

  public dispose(): void {
    this.disposed = true;
    this.cancelRetry();
    this.connection?.dispose();
    this.connection = undefined;
    for (const emitter of [this.stateEmitter, this.startedEmitter, this.finishedEmitter, this.diagnosticsEmitter, this.openedEmitter]) {
      emitter.dispose();
    }
  }

  private connectInBackground(): void {
    this.connect().catch(() => undefined); // connectOnce reported it and scheduled the retry.
  }

  private async connectOnce(): Promise<DaemonConnection> {
    this.cancelRetry();
    this.setState({ kind: 'connecting' });
    try {
      const connection = await this.findOrStartDaemon();
      if (this.disposed) {
        connection.dispose();
        throw new DaemonUnavailableError('the session was disposed');
      }
      this.adopt(connection);
      await Promise.all([...this.roots].map(root => this.open(connection, root)));
      this.failures = 0;
      return connection;
    } catch (error) {
      this.scheduleRetry(describe(error));
      throw error;
    }
  }

  private async findOrStartDaemon(): Promise<DaemonConnection> {
    const runtime = this.options.runtimeDirectory();
    const existing = await this.tryExisting(runtime);
    if (existing) {
      return existing;
    }
    const root = this.roots.values().next().value;
    if (root === undefined) {
      throw new DaemonUnavailableError('no daemon is running, and no open folder has a pyproject.toml or setup.py to start one for');
    }
    this.log(`no daemon in '${runtime}': starting one`);
    const printed = await this.options.launcher.start(root);
    const started = await this.tryExisting(runtime);
    if (!started) {
      throw new DaemonUnavailableError(
        `packd started no daemon in '${runtime}'${printed ? `: ${printed}` : ''}. Its log is '${runtime}/daemon.log'.`);
    }
    return started;
  }

  /** The daemon daemon.json names, or undefined when there is none (no file, stale file, refused connection). */
  private async tryExisting(runtime: string): Promise<DaemonConnection | undefined> {
    if (!verifyRuntimeDirectory(runtime)) {
      return undefined;
    }
    const info = readDaemonInfo(infoPath(runtime));
    if (!info) {
      return undefined;
    }
    try {
      return await DaemonConnection.connect(info.socket, this.options.clientName, this.options.clientVersion);
    } catch (error) {
      if (error instanceof ProtocolMismatchError) {
        // Never talk to a daemon of another version: stop it so the launcher starts ours.
        this.log(`daemon pid ${info.pid} speaks another protocol: asking it to shut down`);
        await error.shutdownDaemon().catch(() => undefined);
        return undefined;
      }
      // A socket file with no daemon behind it: detected by the failed connection, never by its age.
      this.log(`daemon.json names pid ${info.pid}, but '${info.socket}' did not answer (${describe(error)})`);
      return undefined;
    }
  }

  private adopt(connection: DaemonConnection): void {
    this.connection = connection;
    connection.onBuildStarted(p => { this.startedEmitter.fire(p); });
    connection.onBuildFinished(p => { this.finishedEmitter.fire(p); });
    connection.onDiagnosticsChanged(p => { this.diagnosticsEmitter.fire(p); });
    connection.onClose(() => { this.onConnectionClosed(connection); });
    this.log(`connected to packd-daemon ${connection.daemon.daemonBuild} (pid ${connection.daemon.pid})`);
    this.setState({ kind: 'connected', daemon: connection.daemon });
  }

  private onConnectionClosed(connection: DaemonConnection): void {
    if (this.connection !== connection) {
      return;
    }
    this.connection = undefined;
    if (this.disposed) {
      return;
    }
    this.log(`the daemon (pid ${connection.daemon.pid}) closed the connection`);
    if (this.stoppedByUser) {
      this.setState({ kind: 'stopped' });
      return;
    }
    this.setState({ kind: 'disconnected' });
    if (this.roots.size > 0) {
      this.scheduleRetryIn(this.delays()[0] ?? 0);
    }
  }

  private async open(connection: DaemonConnection, root: string): Promise<void> {
    try {
      const status = await connection.openWorkspace(root);
      this.openedEmitter.fire(status);
    } catch (error) {
      // One folder the daemon refuses (say, a setup.py-only project) must not stop the others.
      this.log(`cannot open '${root}': ${describe(error)}`);
    }
  }

  private scheduleRetry(message: string): void {
    if (this.disposed || this.stoppedByUser) {
      return;
    }
    const delays = this.delays();
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 1000;
    this.failures++;
    this.log(`${message} (retrying in ${delay} ms)`);
    this.setState({ kind: 'failed', message, retryInMs: delay });
    this.scheduleRetryIn(delay);
  }

  private scheduleRetryIn(delay: number): void {
    this.cancelRetry();
    if (this.roots.size === 0) {
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.disposed && !this.stoppedByUser && !this.connection) {
        this.connectInBackground();
      }
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  private delays(): readonly number[] {
    return this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  private setState(state: SessionState): void {
    this.current = state;
    this.stateEmitter.fire(state);
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

/** The daemon compares roots after resolving them; resolving symlinks here too makes its notifications' roots match. */
function canonicalRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return root;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
