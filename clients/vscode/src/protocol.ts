// The packd protocol, version 1: the ONE TypeScript mirror of docs/protocol.md and src/PackDaemon.Protocol.
// A change to the protocol changes that page, that project and this file in the same commit.

/** The protocol version this client speaks (`initialize`'s `protocolVersion`). */
export const PROTOCOL_VERSION = 1;

/** Every JSON-RPC method and notification name. */
export const Methods = {
  initialize: 'initialize',
  shutdown: 'shutdown',
  workspaceOpen: 'workspace/open',
  workspaceClose: 'workspace/close',
  workspaceRescan: 'workspace/rescan',
  build: 'build',
  explain: 'explain',
  status: 'status',
  /** Notification, daemon to client. */
  buildStarted: 'build/started',
  /** Notification, daemon to client: the same payload a `build` request returns. */
  buildFinished: 'build/finished',
  /** Notification, daemon to client: the complete current set, replacing the previous one. */
  diagnosticsChanged: 'diagnostics/changed',
} as const;

/** Application error codes; JSON-RPC's own (-32700 ... -32603) keep their meaning. */
export const ErrorCodes = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  protocolMismatch: 1001,
  notInitialized: 1002,
  notAProject: 1003,
  shuttingDown: 1004,
  buildCancelled: 1005,
} as const;

/** The files of the runtime folder. */
export const RuntimeFiles = {
  socket: 'packd.sock',
  info: 'daemon.json',
  instanceLock: 'daemon.lock',
  spawnLock: 'spawn.lock',
  log: 'daemon.log',
  lastStop: 'last-stop.txt',
} as const;

/** `PACKD_RUNTIME_DIR`: overrides the runtime folder (tests use it for isolation). */
export const RUNTIME_DIR_VARIABLE = 'PACKD_RUNTIME_DIR';

/** The content of daemon.json. */
export interface DaemonInfo {
  pid: number;
  version: string;
  build: string;
  protocolVersion: number;
  socket: string;
  startedAt: string;
}

export interface InitializeParams {
  protocolVersion: number;
  clientName: string;
  clientVersion?: string;
}

export interface InitializeResult {
  protocolVersion: number;
  daemonVersion: string;
  daemonBuild: string;
  pid: number;
  startedAt: string;
}

export type EmptyParams = Record<string, never>;
export type EmptyResult = Record<string, never>;

export interface ShutdownResult {
  pid: number;
}

export interface WorkspaceParams {
  root: string;
  /** `workspace/open` only: send this connection the build and diagnostics notifications of the workspace. */
  subscribe?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding about the user's input. */
export interface DiagnosticReport {
  /** Stable code such as `PD1001`. */
  code: string;
  severity: Severity;
  message: string;
  /** Relative to the root with `/`; absent for the project as a whole. */
  file?: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  fix?: string;
}

export type WorkspaceState = 'idle' | 'settling' | 'building' | 'waiting-for-git' | 'failed';

export type ArtifactKind = 'wheel' | 'sdist';

export interface ArtifactReport {
  kind: ArtifactKind;
  path: string;
  size: number;
  entries: number;
  sha256: string;
  rewritten: boolean;
  /** Absent from older daemons: treat as `native`. */
  mode?: string;
  reason?: string;
}

export interface BuildTimings {
  reconcileMs: number;
  loadMs: number;
  selectMs: number;
  readMs: number;
  wheelMs: number;
  sdistMs: number;
  totalMs: number;
}

/** The result of `build` and the payload of `build/finished`. */
export interface BuildReport {
  root: string;
  generation: number;
  succeeded: boolean;
  /** `native`, `native+evaluated:<what>` or `delegated:<backend>`. */
  mode: string;
  modeReason?: string;
  upToDate: boolean;
  artifacts: ArtifactReport[];
  changedEntries: string[];
  timings: BuildTimings;
  diagnostics: DiagnosticReport[];
}

export interface BuildParams {
  root: string;
  wheel?: boolean;
  sdist?: boolean;
  outputDirectory?: string | null;
  python?: string | null;
  pythonVariable?: string | null;
}

export interface BuildSummary {
  generation: number;
  succeeded: boolean;
  totalMs: number;
  changedEntries: number;
  artifacts: ArtifactReport[];
  finishedAt: string;
}

export interface WorkspaceStatus {
  root: string;
  state: WorkspaceState;
  generation: number;
  pendingChanges: number;
  lastBuild?: BuildSummary;
  rescans: number;
  watchMode: 'events' | 'polling';
  watchWarning?: string;
  holders: number;
  keepAliveUntil?: string;
  diagnostics: DiagnosticReport[];
}

export interface StatusResult {
  pid: number;
  daemonVersion: string;
  protocolVersion: number;
  startedAt: string;
  uptimeMs: number;
  workingSetBytes: number;
  managedHeapBytes: number;
  connections: number;
  lastStopReason?: string;
  workspaces: WorkspaceStatus[];
}

export interface ExplainParams {
  /** Absolute project root. */
  root: string;
  /** Relative to the root (with `/`), or absolute inside it. */
  path: string;
}

export interface ArtifactDecision {
  included: boolean;
  archivePath?: string;
  rule: string;
}

export interface ExplainResult {
  path: string;
  /** Absent when the project could not be loaded; the diagnostics say why. */
  wheel?: ArtifactDecision;
  sdist?: ArtifactDecision;
  diagnostics: DiagnosticReport[];
  generation?: number;
}

export interface BuildStartedNotification {
  root: string;
  generation: number;
  changedFiles: number;
  trigger: 'watch' | 'request';
}

export interface DiagnosticsChangedNotification {
  root: string;
  generation: number;
  diagnostics: DiagnosticReport[];
}
