import { execFile } from 'node:child_process';
import { DaemonUnavailableError } from './daemonUnavailableError';

/** Starts the daemon. An interface so the session can be tested with a launcher that counts its calls. */
export interface DaemonLauncher {
  /**
   * Starts a daemon (when none runs) and resolves once one should be reachable through daemon.json, with what the
   * starter printed (to explain a daemon that is still absent), or rejects.
   */
  start(projectRoot: string): Promise<string>;
}

/**
 * Starts the daemon through the `packd` CLI: `packd build ROOT` connects to the running daemon or starts one (under
 * the spawn lock, so racing editors start one, and replacing a daemon of another build, which only the CLI can
 * tell). Its build is the workspace's first build, which the daemon would run on `workspace/open` anyway.
 */
export class PackdCliLauncher implements DaemonLauncher {
  public constructor(private readonly packdPath: () => string, private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly timeoutMs = 120_000) {}

  public start(projectRoot: string): Promise<string> {
    const packd = this.packdPath();
    // PACKD_NO_DAEMON would make the CLI build in-process and start nothing.
    const env = { ...this.env };
    delete env.PACKD_NO_DAEMON;
    return new Promise((resolve, reject) => {
      execFile(packd, ['build', projectRoot, '--json'], { env, timeout: this.timeoutMs, cwd: projectRoot },
        (error, _stdout, stderr) => {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          if (code === 'ENOENT' || code === 'EACCES') {
            reject(new DaemonUnavailableError(
              `cannot run packd at '${packd}' (${code}). Install packd or set the 'packd.path' setting to its full path.`));
            return;
          }
          // Exit code 1 is a build that failed on the user's input: the daemon is running all the same. Anything
          // else (a crash, a timeout) is reported with what packd printed.
          const exitCode = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 0;
          if (error && exitCode !== 1) {
            reject(new DaemonUnavailableError(`'${packd} build ${projectRoot}' failed: ${stderr.trim() || error.message}`));
            return;
          }
          resolve(stderr.trim());
        });
    });
  }
}
