// The desktop wizard under Xvfb: start it with a share link, wait for its state line, take a screenshot
// of the X root window (ImageMagick `import`), stop it by PID.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function desktopScreenshot(binary, link, pngPath, testsDir) {
  const { stdout } = await run('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24',
    'bash', path.join(testsDir, 'desktop_capture.sh'), binary, link, pngPath], { timeout: 60000 });
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the desktop wizard printed no state:\n${stdout}`);
  return { state: JSON.parse(line) };
}

// Number of distinct colours in an image: a blank or single-colour window has very few.
export async function distinctColors(pngPath) {
  const { stdout } = await run('identify', ['-format', '%k', pngPath]);
  return Number(stdout.trim());
}
