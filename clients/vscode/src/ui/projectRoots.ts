import * as fs from 'node:fs';
import * as path from 'node:path';

/** The markers of a Python project; the activation events in package.json name the same two files. */
export const PROJECT_MARKERS = ['pyproject.toml', 'setup.py'] as const;

export function isProjectFolder(folder: string): boolean {
  return PROJECT_MARKERS.some(marker => fs.existsSync(path.join(folder, marker)));
}

/** The project root holding a file: the longest root that contains it, comparing real paths. */
export function rootOfFile(roots: readonly string[], file: string): string | undefined {
  const real = realPath(file);
  return roots
    .filter(root => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep))
    .sort((a, b) => b.length - a.length)[0];
}

export function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
