import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { axeBothModes } from '../fixtures/axe-both-modes';
import { expect, test } from '../fixtures/test';
import { screen } from '../fixtures/walk';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium';
import { FACE_FIXTURE_DIR } from '../../support/face/debian-face-images';
import { QR_PERSON } from '../../core/support/fixtures';

/**
 * The face check in Chromium against the real core: the camera is the
 * core's simulated camera device (plug/unplug through the simulator
 * controls) and Chromium's fake capture device playing a `.y4m` built at
 * test time from the astronaut photograph Debian ships. Every request the
 * page makes outside the kiosk's own origin is refused and recorded.
 */
const FRONTAL = join(FACE_FIXTURE_DIR, 'frontal.y4m');
const executablePath = chromiumPath();

test.use({
  // The engine's first load and the guidance take minutes on a loaded 2-core machine: the idle wipe must not end the walk meanwhile.
  kioskConfig: { devices: { camera: { mode: 'sim', pollMs: 500 } }, idleTimeoutSeconds: 900 },
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${FRONTAL}`],
  },
});

test.beforeAll(() => {
  mkdirSync(FACE_FIXTURE_DIR, { recursive: true });
  // Chromium opens the file when the camera starts (on the capture screen), so building it here is in time.
  if (!existsSync(FRONTAL)) execFileSync('npx', ['tsx', 'tests/support/face/build-face-video.ts', 'frontal', FRONTAL], { stdio: 'inherit', timeout: 180_000 });
});

/** Refuses every request that leaves the page's own origin (and WebSocket to it); returns the list of what was asked for elsewhere. */
async function shutTheNetwork(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const refused: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return refused;
}

/** The live video tracks of the preview, as a handle to read their state later. */
const previewTracks = (page: Page) => page.evaluateHandle(() => ((document.querySelector('[data-testid="face-video"]') as HTMLVideoElement).srcObject as MediaStream).getVideoTracks());

test.describe('face check (人证比对): consent, guidance, alternatives', () => {
  test('consent → capture: the engine loads from the kiosk only and guides a frontal face to ready; unplugging leads to the alternatives and releases the camera', async ({ kiosk: h, axe }) => {
    // Engine load, guidance and six axe runs: the screen walk's ceiling, not the default 240 s.
    test.setTimeout(480_000);
    const page = h.page;
    const refused = await shutTheNetwork(page);
    const engineFiles: string[] = [];
    page.on('request', (r: Request) => {
      if (r.url().includes('/face-engine/')) engineFiles.push(new URL(r.url()).pathname);
    });
    await h.sim('/sim/camera/plug');
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'faceConsent');
    for (const part of ['what', 'why', 'where', 'delete']) await expect(page.getByTestId(`face-consent-${part}`)).not.toBeEmpty();
    // Equal weight: the two choices have the same size.
    const [agree, decline] = await Promise.all([page.getByTestId('face-consent-accept').boundingBox(), page.getByTestId('face-consent-decline').boundingBox()]);
    expect(agree!.width).toBeCloseTo(decline!.width, 0);
    expect(agree!.height).toBeCloseTo(decline!.height, 0);
    await axeBothModes(axe, page, 'face consent');

    await page.getByTestId('face-consent-accept').click();
    await screen(page, 'faceCapture');
    // Polled as kind:problem so that a failure names the last problem the engine reported.
    const guidance = page.getByTestId('face-guidance');
    await expect.poll(async () => `${await guidance.getAttribute('data-kind')}:${await guidance.getAttribute('data-problem')}`, { timeout: 120_000 }).toBe('ready:');
    expect(refused).toEqual([]);
    for (const part of ['blazeface', 'facemesh', 'iris', 'faceres', 'antispoof', 'liveness']) expect(engineFiles, part).toContain(`/face-engine/models/${part}.bin`);
    expect(engineFiles.some((f) => f.startsWith('/face-engine/wasm/tfjs-backend-wasm'))).toBe(true);
    await axeBothModes(axe, page, 'face capture');

    const tracks = await previewTracks(page);
    expect(await tracks.evaluate((ts) => ts.map((t) => t.readyState))).toEqual(['live']);
    await h.sim('/sim/camera/unplug');
    await screen(page, 'faceAlternative');
    await expect(page.getByTestId('face-notice')).toHaveAttribute('data-notice', 'cameraLost');
    expect(await tracks.evaluate((ts) => ts.map((t) => t.readyState))).toEqual(['ended']);
    await axeBothModes(axe, page, 'face alternative');
    await h.sim('/sim/camera/plug');
  });

  test('declining the consent leads to the alternatives; the QR e-ID there identifies the person', async ({ kiosk: h }) => {
    const page = h.page;
    await h.sim('/sim/camera/plug');
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'faceConsent');
    await page.getByTestId('face-consent-decline').click();
    await screen(page, 'faceAlternative');
    await expect(page.getByTestId('face-notice')).toHaveCount(0);
    await expect(page.locator('video')).toHaveCount(0);
    // A keyboard-wedge scanner types the code into the page, as on the identify screen.
    const code = `EID:${QR_PERSON.idNumber}:${QR_PERSON.name}`;
    await page.evaluate((keys) => {
      for (const key of [...keys, 'Enter']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, code);
    await screen(page, 'welcome');
  });

  test('"use another way" on the capture screen releases the camera', async ({ kiosk: h }) => {
    const page = h.page;
    await h.sim('/sim/camera/plug');
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'faceConsent');
    await page.getByTestId('face-consent-accept').click();
    await screen(page, 'faceCapture');
    await page.locator('[data-testid="face-video"]').evaluate((v: HTMLVideoElement) => new Promise((r) => (v.srcObject ? r(null) : v.addEventListener('playing', () => r(null), { once: true }))));
    const tracks = await previewTracks(page);
    await page.getByTestId('face-use-another-way').click();
    await screen(page, 'faceAlternative');
    expect(await tracks.evaluate((ts) => ts.map((t) => t.readyState))).toEqual(['ended']);
  });

  test('no camera: the face route is not offered, the card leads straight to welcome', async ({ kiosk: h }) => {
    const page = h.page;
    await h.sim('/sim/camera/unplug');
    await expect.poll(() => h.core.devices.camera()?.status.state).toBe('noDevice');
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'welcome');
    await h.sim('/sim/camera/plug');
  });
});
