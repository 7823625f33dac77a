import type { VscodeApi } from './vscodeApi';

/** The extension's settings (package.json `contributes.configuration`), read fresh on every use. */
export interface PackdSettings {
  /** The packd executable: a name on PATH or a full path. */
  path: string;
  /** Overrides the runtime folder (same as PACKD_RUNTIME_DIR); empty for the protocol's rules. */
  runtimeDirectory: string;
  /** Start the daemon when none runs; off, the extension only connects to one started elsewhere. */
  startDaemon: boolean;
}

export function readSettings(api: VscodeApi): PackdSettings {
  const config = api.workspace.getConfiguration('packd');
  return {
    path: config.get<string>('path', 'packd') || 'packd',
    runtimeDirectory: config.get<string>('runtimeDirectory', ''),
    startDaemon: config.get<boolean>('startDaemon', true),
  };
}
