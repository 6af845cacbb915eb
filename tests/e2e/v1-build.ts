// The extension as users had it before schema v2: commit V1_COMMIT, taken from the git history with `git archive`
// (no worktree, nothing in .git changes) and built with this checkout's node_modules. Cached under .output/ so the
// next run reuses it. A clone without that commit (shallow CI checkout) uses the same build saved as
// tests/fixtures/db/v1-build-81fa4e4.tar.gz (314 KB, `tar -czf … chrome-mv3` of this function's output).
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
  rmSync(out, { recursive: true, force: true });
  try {
    execFileSync('git', ['cat-file', '-e', `${V1_COMMIT}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    const saved = join(ROOT, 'tests', 'fixtures', 'db', `v1-build-${V1_COMMIT}.tar.gz`);
    mkdirSync(join(build, '..'), { recursive: true });
    execFileSync('tar', ['-xzf', saved, '-C', join(build, '..')]);
    return build;
  }
  const src = join(out, 'src');
  mkdirSync(src, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', V1_COMMIT], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', src], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  execFileSync('npx', ['wxt', 'build'], { cwd: src, stdio: 'pipe' });
  return build;
}
