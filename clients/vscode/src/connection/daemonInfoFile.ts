import * as fs from 'node:fs';
import type { DaemonInfo } from '../protocol';

/**
 * Reads daemon.json. Returns undefined when it is missing, empty or not a daemon.json: the daemon is then treated as
 * absent (the daemon writes it with a rename, so a half-written file only comes from a crash).
 */
export function readDaemonInfo(file: string): DaemonInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isDaemonInfo(value)) {
      return value;
    }
  } catch {
    // Not JSON: same as absent.
  }
  return undefined;
}

function isDaemonInfo(value: unknown): value is DaemonInfo {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const info = value as Record<string, unknown>;
  return typeof info.pid === 'number' && typeof info.socket === 'string' && typeof info.protocolVersion === 'number';
}
