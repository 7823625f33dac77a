import * as net from 'node:net';
import {
  createMessageConnection, type Message, type MessageConnection, NotificationType, RequestType, ResponseError, SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  type BuildParams, type BuildReport, type BuildStartedNotification, type DiagnosticsChangedNotification,
  type EmptyParams, type EmptyResult, ErrorCodes, type ExplainParams, type ExplainResult, type InitializeParams,
  type InitializeResult, Methods, PROTOCOL_VERSION, type ShutdownResult, type StatusResult, type WorkspaceParams,
  type WorkspaceStatus,
} from '../protocol';
import { DaemonUnavailableError } from './daemonUnavailableError';
import { type Disposable, Emitter } from './emitter';

const requests = {
  initialize: new RequestType<InitializeParams, InitializeResult, unknown>(Methods.initialize),
  shutdown: new RequestType<EmptyParams, ShutdownResult, unknown>(Methods.shutdown),
  workspaceOpen: new RequestType<WorkspaceParams, WorkspaceStatus, unknown>(Methods.workspaceOpen),
  workspaceClose: new RequestType<WorkspaceParams, EmptyResult, unknown>(Methods.workspaceClose),
  workspaceRescan: new RequestType<WorkspaceParams, WorkspaceStatus, unknown>(Methods.workspaceRescan),
  build: new RequestType<BuildParams, BuildReport, unknown>(Methods.build),
  explain: new RequestType<ExplainParams, ExplainResult, unknown>(Methods.explain),
  status: new RequestType<EmptyParams, StatusResult, unknown>(Methods.status),
};

const notifications = {
  buildStarted: new NotificationType<BuildStartedNotification>(Methods.buildStarted),
  buildFinished: new NotificationType<BuildReport>(Methods.buildFinished),
  diagnosticsChanged: new NotificationType<DiagnosticsChangedNotification>(Methods.diagnosticsChanged),
};

/** One initialized JSON-RPC connection to the daemon over its Unix socket. It never reconnects: DaemonSession does. */
export class DaemonConnection implements Disposable {
  private readonly closed = new Emitter<void>();
  private readonly started = new Emitter<BuildStartedNotification>();
  private readonly finished = new Emitter<BuildReport>();
  private readonly diagnostics = new Emitter<DiagnosticsChangedNotification>();
  private isClosed = false;

  /** Fires once, when the socket closes for any reason (daemon stopped, killed, or dispose). */
  public readonly onClose = this.closed.event;
  public readonly onBuildStarted = this.started.event;
  public readonly onBuildFinished = this.finished.event;
  public readonly onDiagnosticsChanged = this.diagnostics.event;

  private constructor(private readonly socket: net.Socket, private readonly rpc: MessageConnection,
    public readonly daemon: InitializeResult) {
    rpc.onNotification(notifications.buildStarted, p => { this.started.fire(p); });
    rpc.onNotification(notifications.buildFinished, p => { this.finished.fire(p); });
    rpc.onNotification(notifications.diagnosticsChanged, p => { this.diagnostics.fire(p); });
  }

  public get closedAlready(): boolean {
    return this.isClosed;
  }

  /**
   * Connects to the socket and sends `initialize`.
   * @throws ProtocolMismatchError when the daemon speaks another protocol version (its `data` is attached);
   * a node socket error (ECONNREFUSED, ENOENT) when nothing listens there.
   */
  public static async connect(socketPath: string, clientName: string, clientVersion: string,
    timeoutMs = 5000): Promise<DaemonConnection> {
    const socket = await openSocket(socketPath, timeoutMs);
    const rpc = createMessageConnection(new SocketMessageReader(socket, 'utf-8'), new ClosingSafeSocketWriter(socket, 'utf-8'));
    rpc.listen();
    let daemon: InitializeResult;
    try {
      daemon = await withTimeout(rpc.sendRequest(requests.initialize,
        { protocolVersion: PROTOCOL_VERSION, clientName, clientVersion }), timeoutMs, `initialize on '${socketPath}'`);
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.protocolMismatch) {
        const mismatch = new ProtocolMismatchError(error.data as InitializeResult | undefined, rpc);
        socket.on('close', () => { rpc.dispose(); });
        throw mismatch;
      }
      rpc.dispose();
      socket.destroy();
      throw error;
    }
    const connection = new DaemonConnection(socket, rpc, daemon);
    socket.on('close', () => { connection.markClosed(); });
    rpc.onClose(() => { connection.markClosed(); });
    return connection;
  }

  public openWorkspace(root: string): Promise<WorkspaceStatus> {
    return this.rpc.sendRequest(requests.workspaceOpen, { root, subscribe: true });
  }

  public async closeWorkspace(root: string): Promise<void> {
    await this.rpc.sendRequest(requests.workspaceClose, { root });
  }

  public rescan(root: string): Promise<WorkspaceStatus> {
    return this.rpc.sendRequest(requests.workspaceRescan, { root });
  }

  public build(root: string): Promise<BuildReport> {
    return this.rpc.sendRequest(requests.build, { root, wheel: true, sdist: true });
  }

  public explain(root: string, file: string): Promise<ExplainResult> {
    return this.rpc.sendRequest(requests.explain, { root, path: file });
  }

  public status(): Promise<StatusResult> {
    return this.rpc.sendRequest(requests.status, {});
  }

  public shutdown(): Promise<ShutdownResult> {
    return this.rpc.sendRequest(requests.shutdown, {});
  }

  public dispose(): void {
    this.rpc.dispose();
    this.socket.destroy();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.isClosed) {
      return;
    }
    this.isClosed = true;
    // Rejects every request still waiting for an answer, so no caller hangs on a dead socket.
    this.rpc.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.started.dispose();
    this.finished.dispose();
    this.diagnostics.dispose();
  }
}

/** `initialize` was refused with 1001: the daemon speaks another protocol version. It can still be asked to shut down. */
export class ProtocolMismatchError extends Error {
  public constructor(public readonly daemon: InitializeResult | undefined, private readonly rpc: MessageConnection) {
    super(`the daemon speaks protocol ${daemon?.protocolVersion ?? '?'}, this extension ${PROTOCOL_VERSION}`);
    this.name = 'ProtocolMismatchError';
  }

  /** Asks the mismatched daemon to stop, so a daemon of our version can be started. */
  public async shutdownDaemon(): Promise<void> {
    try {
      await this.rpc.sendRequest(requests.shutdown, {});
    } finally {
      this.rpc.dispose();
    }
  }
}

/**
 * vscode-jsonrpc's sendRequest rethrows a failed write from inside a promise executor, where nobody can catch it: a
 * request written while the daemon goes away would be an unhandled rejection. A failed write is swallowed here instead:
 * the socket's 'close' follows, and disposing the connection then rejects that request for its caller.
 */
class ClosingSafeSocketWriter extends SocketMessageWriter {
  public override async write(message: Message): Promise<void> {
    try {
      await super.write(message);
    } catch {
      // Reported through the request's rejection on close; see above.
    }
  }
}

function openSocket(socketPath: string, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ path: socketPath });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new DaemonUnavailableError(`no answer from '${socketPath}' within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // An error on an open socket is always followed by 'close', which is what the session reacts to.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', error => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new DaemonUnavailableError(`${what} got no answer within ${timeoutMs} ms`)); }, timeoutMs);
    promise.then(value => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); });
  });
}
