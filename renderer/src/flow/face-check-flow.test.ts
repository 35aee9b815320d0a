import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { stopAllCameraStreams } from '../media/camera-registry';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { screen, start, stopFlow, until } from '../testing/flow-driver';

afterEach(stopFlow);

/** A kiosk whose camera is plugged, at the face check after a card read. */
async function atFaceCheck() {
  const api = new TestKioskApi({ printStepMs: 5 });
  api.plugDevice('camera', 'camera');
  const started = await start(api);
  await waitFor(started.a, (s) => s.context.devices.camera?.state === 'online');
  api.placeCard();
  await until(started.a, 'faceConsent');
  return started;
}

describe('kiosk flow machine: face check', () => {
  it('passes straight to welcome where the kiosk has no camera', async () => {
    const { a, api } = await start();
    api.placeCard();
    await until(a, 'welcome');
  });

  it('passes straight to welcome after a QR e-ID (a verified credential, not a card to compare a face with)', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    api.plugDevice('camera', 'camera');
    const { a } = await start(api);
    a.send({ type: 'START' });
    a.send({ type: 'QR_SUBMIT', payload: 'EID:abc' });
    await until(a, 'welcome');
  });

  it('passes straight to welcome while the platform is unreachable (the comparison is the platform\'s)', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    api.plugDevice('camera', 'camera');
    const { a } = await start(api);
    api.setConnectivity('offline');
    await waitFor(a, (s) => s.context.connectivity === 'offline');
    api.placeCard();
    await until(a, 'welcome');
  });

  it('asks for consent first; agreeing opens the capture screen', async () => {
    const { a } = await atFaceCheck();
    a.send({ type: 'FACE_CONSENT' });
    expect(screen(a)).toBe('faceCapture');
  });

  it('declining leads to the alternatives, where the QR e-ID identifies and goes on to welcome', async () => {
    const { a } = await atFaceCheck();
    a.send({ type: 'FACE_DECLINE' });
    expect(screen(a)).toBe('faceAlternative');
    expect(a.getSnapshot().context.faceNotice).toBeNull();
    a.send({ type: 'QR_SUBMIT', payload: 'garbage' });
    await waitFor(a, (s) => s.context.identifyError === 'qr-rejected');
    expect(screen(a)).toBe('faceAlternative');
    a.send({ type: 'QR_SUBMIT', payload: 'EID:abc' });
    await until(a, 'welcome');
  });

  it('a camera unplugged mid-capture leads to the alternatives with the reason', async () => {
    const { a, api } = await atFaceCheck();
    a.send({ type: 'FACE_CONSENT' });
    api.setDevice('receipt-1', { state: 'offline' });
    expect(screen(a)).toBe('faceCapture');
    api.setDevice('camera', { state: 'noDevice', error: 'no camera' });
    expect(screen(a)).toBe('faceAlternative');
    expect(a.getSnapshot().context.faceNotice).toBe('cameraLost');
    expect(a.getSnapshot().context.devices.camera?.state).toBe('noDevice');
  });

  it('a camera or engine failure reported by the screen leads to the alternatives with that reason', async () => {
    const { a } = await atFaceCheck();
    a.send({ type: 'FACE_CONSENT' });
    a.send({ type: 'FACE_ALTERNATIVE', notice: 'engineFailed' });
    expect(screen(a)).toBe('faceAlternative');
    expect(a.getSnapshot().context.faceNotice).toBe('engineFailed');
  });

  it('cancel on the consent screen ends the session and the wipe stops the camera', async () => {
    const { a } = await atFaceCheck();
    const stopped: string[] = [];
    const { registerCameraStream, openCameraStreamCount } = await import('../media/camera-registry');
    registerCameraStream({ getTracks: () => [{ stop: () => stopped.push('track') }] });
    a.send({ type: 'CANCEL' });
    await until(a, 'attract');
    expect(stopped).toEqual(['track']);
    expect(openCameraStreamCount()).toBe(0);
    stopAllCameraStreams();
  });
});
