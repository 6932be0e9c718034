// Drives one wizard page: the canvas has no DOM, so state and widget rectangles come from the functions
// the wasm exports (web/src/platform_web.cpp), and input goes through real mouse and keyboard events.
// ImGui 1.86 has no input queue: every step waits for a few frames instead of sleeping.

export async function openWizard(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/GL Driver Message/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  await page.goto(url);
  await page.waitForFunction(() => window.pathwiseFirstFrameMs !== undefined, null, { timeout: 30000 });
  await waitFrames(page, 3);
  return page;
}

export async function frameCount(page) {
  return page.evaluate(() => Module.ccall('pathwise_frame_count', 'number', [], []));
}

export async function waitFrames(page, frames) {
  const start = await frameCount(page);
  await page.waitForFunction(
    ([from, count]) => Module.ccall('pathwise_frame_count', 'number', [], []) >= from + count,
    [start, frames], { timeout: 15000 });
}

export async function wizardState(page) {
  return JSON.parse(await page.evaluate(() => Module.ccall('pathwise_state_json', 'string', [], [])));
}

export async function widgetRects(page) {
  return JSON.parse(await page.evaluate(() => Module.ccall('pathwise_widget_rects_json', 'string', [], [])));
}

// The centre of a named widget in CSS pixels (rects are in framebuffer pixels).
export async function widgetCenter(page, name) {
  const { scale, rects } = await widgetRects(page);
  const rect = rects[name];
  if (!rect) throw new Error(`widget "${name}" is not on screen (have: ${Object.keys(rects).join(', ')})`);
  return { x: (rect[0] + rect[2] / 2) / scale, y: (rect[1] + rect[3] / 2) / scale };
}

export async function click(page, name) {
  const { x, y } = await widgetCenter(page, name);
  await page.mouse.move(x, y);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 3);
}

// Holds a key across exactly one frame: ImGui 1.86 misses a key that goes down and up between two frames,
// and repeats a key held past io.KeyRepeatDelay (0.275 s), so a Ctrl+V held a few frames pastes twice. Waiting
// for a frame from here is not enough: on a loaded machine the page draws many frames before this process
// sends the key-up. So the wizard's main loop is paused while the key goes down and up, and runs exactly one
// frame in between.
export async function pressKey(page, key, modifier) {
  await page.evaluate(() => Module.pauseMainLoop());
  try {
    if (modifier) await page.keyboard.down(modifier);
    await page.keyboard.down(key);
    await runOneFrame(page);
    await page.keyboard.up(key);
    if (modifier) await page.keyboard.up(modifier);
  } finally {
    await page.evaluate(() => Module.resumeMainLoop());
  }
  await waitFrames(page, 2);
}

// With the main loop paused: resumes it for one frame and pauses it again, inside the page (a rAF callback
// registered after the main loop's own runs right after it, before another frame can start).
async function runOneFrame(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const frames = () => Module.ccall('pathwise_frame_count', 'number', [], []);
    const until = frames() + 1;
    Module.resumeMainLoop();
    const check = () => {
      if (frames() < until) {
        requestAnimationFrame(check);
        return;
      }
      Module.pauseMainLoop();
      resolve();
    };
    requestAnimationFrame(check);
  }));
}

// Clicks a text field, clears it (Ctrl+A, Backspace) and types like a person.
export async function typeInto(page, name, text) {
  await click(page, name);
  await pressKey(page, 'KeyA', 'Control');
  await pressKey(page, 'Backspace');
  for (const character of text) {
    await page.keyboard.type(character);
    await waitFrames(page, 1);
  }
  await pressKey(page, 'Enter');
}

export async function currentFragment(page) {
  return page.evaluate(() => location.hash.replace(/^#/, ''));
}
