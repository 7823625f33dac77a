import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUNTIME_DIR_VARIABLE, RuntimeFiles } from '../protocol';
import { DaemonUnavailableError } from './daemonUnavailableError';

/** Group- or other-writable permission bits (0022). */
const GROUP_OR_OTHER_WRITE = 0o022;

/**
 * Where the user's daemon lives, resolved with the rules of docs/protocol.md: `$PACKD_RUNTIME_DIR`, else
 * `$XDG_RUNTIME_DIR/packd` when that is an existing absolute folder, else `<tmp>/packd-<uid>`.
 */
export function resolveRuntimeDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[RUNTIME_DIR_VARIABLE];
  if (explicit) {
    return path.resolve(explicit);
  }
  const xdg = env.XDG_RUNTIME_DIR;
  if (xdg && path.isAbsolute(xdg) && isDirectory(xdg)) {
    return path.join(xdg, 'packd');
  }
  return path.join(os.tmpdir(), `packd-${currentUid()}`);
}

export function infoPath(runtimeDirectory: string): string {
  return path.join(runtimeDirectory, RuntimeFiles.info);
}

/**
 * Refuses a runtime folder anyone else could tamper with: whoever can write there could replace the socket and read
 * every request. Returns false when the folder does not exist (no daemon yet).
 * @throws DaemonUnavailableError when it is a symlink, not a folder, owned by another uid, or group/other-writable.
 */
export function verifyRuntimeDirectory(runtimeDirectory: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(runtimeDirectory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
  const fix = `Remove it ('rm -rf ${runtimeDirectory}') so packd can create it safely, or set ${RUNTIME_DIR_VARIABLE} to a folder only you can write.`;
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new DaemonUnavailableError(`the runtime folder '${runtimeDirectory}' is a symlink or not a folder. ${fix}`);
  }
  const uid = currentUid();
  if (stat.uid !== uid) {
    throw new DaemonUnavailableError(
      `the runtime folder '${runtimeDirectory}' belongs to uid ${stat.uid}, not to you (uid ${uid}). ${fix}`);
  }
  if ((stat.mode & GROUP_OR_OTHER_WRITE) !== 0) {
    throw new DaemonUnavailableError(
      `the runtime folder '${runtimeDirectory}' is writable by other users (mode ${(stat.mode & 0o777).toString(8)}). Run 'chmod 700 ${runtimeDirectory}'.`);
  }
  return true;
}

function currentUid(): number {
  // process.geteuid exists on every POSIX platform node runs on; the daemon is POSIX-only.
  return process.geteuid ? process.geteuid() : os.userInfo().uid;
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
