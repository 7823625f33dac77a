import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackdCliLauncher } from '../../connection/daemonLauncher';
import { DaemonSession } from '../../connection/daemonSession';
import { resolveRuntimeDirectory } from '../../connection/runtimeDirectory';

/** The published packd (scripts/test.sh exports PACKD_TEST_EXE); else the worktree's .packd/bin. */
export const packdPath = process.env.PACKD_TEST_EXE
  ?? path.resolve(__dirname, '..', '..', '..', '..', '..', '.packd', 'bin', 'packd');

/**
 * A temp runtime folder (mode 0700, short: socket paths are limited to ~100 bytes) and a temp project, so a test
 * never touches the user's daemon. dispose() stops the daemon the test started there and removes both folders.
 */
export class Sandbox {
  public readonly runtimeDirectory = fs.mkdtempSync('/tmp/pdv-');
  public readonly project: string;
  public readonly env: NodeJS.ProcessEnv;
  private readonly sessions: DaemonSession[] = [];

  public constructor() {
    fs.chmodSync(this.runtimeDirectory, 0o700);
    this.project = fs.realpathSync(fs.mkdtempSync('/tmp/pdv-proj-'));
    writeProject(this.project);
    this.env = { ...process.env, PACKD_RUNTIME_DIR: this.runtimeDirectory };
    delete this.env.PACKD_NO_DAEMON;
    delete this.env.PACKD_IDLE_TIMEOUT;
  }

  public get infoPath(): string {
    return path.join(this.runtimeDirectory, 'daemon.json');
  }

  public session(retryDelaysMs: readonly number[] = [50, 100, 250, 500]): DaemonSession {
    const session = new DaemonSession({
      clientName: 'vscode-test',
      clientVersion: '0.0.0',
      runtimeDirectory: () => resolveRuntimeDirectory(this.env),
      launcher: new PackdCliLauncher(() => packdPath, this.env),
      retryDelaysMs,
    });
    this.sessions.push(session);
    return session;
  }

  public write(relative: string, text: string): void {
    const file = path.join(this.project, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  public packd(...args: string[]): string {
    return execFileSync(packdPath, args, { env: this.env, encoding: 'utf8' });
  }

  public dispose(): void {
    this.sessions.forEach(session => { session.dispose(); });
    if (fs.existsSync(this.infoPath)) {
      try {
        this.packd('stop');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(this.runtimeDirectory, { recursive: true, force: true });
    fs.rmSync(this.project, { recursive: true, force: true });
  }
}

export const PYPROJECT = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "tinypkg"
version = "0.1.0"
`;

function writeProject(root: string): void {
  fs.writeFileSync(path.join(root, 'pyproject.toml'), PYPROJECT);
  fs.mkdirSync(path.join(root, 'src', 'tinypkg'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'tinypkg', '__init__.py'), 'VALUE = 1\n');
}
