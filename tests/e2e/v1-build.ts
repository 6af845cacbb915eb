// The extension as users had it before schema v2: commit V1_COMMIT, taken from the git history with `git archive`
// (no worktree, nothing in .git changes) and built with this checkout's node_modules. Cached under .output/ so the
// next run reuses it. Needs the git history (a shallow clone without that commit fails here with a clear message).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/launch-chromium';

/** The last commit with schema v1 and settings without migrations. */
export const V1_COMMIT = '81fa4e4';

export function v1Build(): string {
  const out = join(ROOT, '.output', `v1-${V1_COMMIT}`);
  const build = join(out, 'src', '.output', 'chrome-mv3');
  if (existsSync(join(build, 'manifest.json'))) return build;
  try {
    execFileSync('git', ['cat-file', '-e', `${V1_COMMIT}^{commit}`], { cwd: ROOT });
  } catch {
    throw new Error(
      `The v1 → v2 upgrade test builds Lauscher ${V1_COMMIT} from git, but this clone lacks that commit ` +
        '(shallow clone?). Run `git fetch --unshallow` and try again.',
    );
  }
  rmSync(out, { recursive: true, force: true });
  const src = join(out, 'src');
  mkdirSync(src, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', V1_COMMIT], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', src], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  execFileSync('npx', ['wxt', 'build'], { cwd: src, stdio: 'pipe' });
  return build;
}
