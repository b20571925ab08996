import { existsSync } from 'node:fs';

/** Where Debian, Ubuntu and Chrome put a Chromium-family browser; CHROMIUM_PATH first. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium executable the browser tests drive with playwright-core, or why there is none.
 * Without one the tests skip, except under CI (env CI set), where a missing browser is a failure:
 * `.ci/run` installs Debian's `chromium` when it is missing.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string | null; why: string } {
  const wanted = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  const path = wanted.find((p) => existsSync(p)) ?? null;
  return { path, why: path ? '' : `no Chromium executable (looked at ${wanted.join(', ')}; install Debian's chromium or set CHROMIUM_PATH)` };
}
