import type { DaemonSession } from '../connection/daemonSession';

/** What the VS Code layer uses of DaemonSession, so its tests can pass a scripted stand-in. */
export type SessionLike = Pick<DaemonSession,
  'state' | 'openRoots' | 'setRoots' | 'connect' | 'build' | 'explain' | 'status' | 'stop' | 'restart' | 'dispose' |
  'onStateChanged' | 'onBuildStarted' | 'onBuildFinished' | 'onDiagnosticsChanged' | 'onWorkspaceOpened'>;
