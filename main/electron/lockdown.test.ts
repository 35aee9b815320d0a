import { describe, expect, it, vi } from 'vitest';
import { MockSession, MockWebContents } from '../../tests/contract/fake-electron';
import { BLOCKED_KEYS, chordOf } from '../../common/lockdown/blocked-inputs';
import { isBlockedShortcut, isPermissionAllowed, setupLockdown } from './lockdown';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

function lockedDown() {
  const session = new MockSession();
  const contents = new MockWebContents('kiosk://app/index.html', session);
  setupLockdown(contents as never, session as never);
  return { contents, session };
}

function navigate(contents: MockWebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('lockdown', () => {
  it('prevents navigation and redirects to any other origin, allows the app origin', () => {
    const { contents } = lockedDown();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(contents, event, 'https://evil.example/'), event).toBe(true);
      expect(navigate(contents, event, 'file:///etc/passwd'), event).toBe(true);
      expect(navigate(contents, event, 'kiosk://app.evil/'), event).toBe(true);
      expect(navigate(contents, event, 'kiosk://app/service/1'), event).toBe(false);
    }
  });

  it('denies every new window and webview', () => {
    const { contents } = lockedDown();
    expect(contents.windowOpenHandler?.({ url: 'kiosk://app/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('grants a permission request only for the camera from the app origin main frame', () => {
    const { session, contents } = lockedDown();
    const ask = (permission: string, details: Record<string, unknown>) => {
      let granted: boolean | null = null;
      (session.permissionRequestHandler as unknown as (...a: unknown[]) => void)(contents, permission, (g: boolean) => (granted = g), { isMainFrame: true, requestingUrl: 'kiosk://app/index.html', ...details });
      return granted;
    };
    expect(ask('media', { mediaTypes: ['video'], securityOrigin: 'kiosk://app' })).toBe(true);
    expect(ask('media', { mediaTypes: ['video'] })).toBe(true);
    expect(ask('media', { mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { mediaTypes: [] })).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], securityOrigin: 'https://evil.example' })).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid', 'serial']) expect(ask(p, { mediaTypes: ['video'] }), p).toBe(false);
  });

  it('answers permission checks the same way and denies device pickers', () => {
    const { session, contents } = lockedDown();
    const check = session.permissionCheckHandler as unknown as (...a: unknown[]) => boolean;
    expect(check(contents, 'media', 'kiosk://app', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check(contents, 'media', 'kiosk://app', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(check(contents, 'media', 'kiosk://app', { mediaType: 'unknown', isMainFrame: true })).toBe(false);
    expect(check(contents, 'media', 'http://127.0.0.1:8080', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(check(contents, 'notifications', 'kiosk://app', { isMainFrame: true })).toBe(false);
    expect((session.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });

  it('isPermissionAllowed rejects look-alike origins', () => {
    for (const origin of ['kiosk://app.evil', 'kiosk://evil', 'kiosk://user@app', 'http://app', undefined]) {
      expect(isPermissionAllowed({ permission: 'media', origin, mediaTypes: ['video'], isMainFrame: true }), String(origin)).toBe(false);
    }
  });

  it('blocks reload, DevTools and zoom shortcuts but lets typing through; disables pinch zoom', () => {
    const { contents } = lockedDown();
    expect(contents.zoomLimits).toEqual([1, 1]);
    const press = (key: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => {
      let prevented = false;
      contents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods });
      return prevented;
    };
    for (const [key, mods] of [['F5', {}], ['F12', {}], ['r', { control: true }], ['R', { meta: true }], ['I', { control: true, shift: true }], ['=', { control: true }], ['p', { control: true }], ['ArrowLeft', { alt: true }]] as const) {
      expect(press(key, mods), `${key} ${JSON.stringify(mods)}`).toBe(true);
    }
    for (const key of ['a', '1', 'Enter', 'Tab', 'Backspace', '张']) expect(press(key), key).toBe(false);
    expect(press('A', { shift: true })).toBe(false);
    expect(isBlockedShortcut({ type: 'keyUp', key: 'F5', control: false, meta: false, shift: false, alt: false })).toBe(false);
  });

  it('every row of the blocked-input table is stopped by before-input-event: 0 escapes', () => {
    const { contents } = lockedDown();
    const escaped: string[] = [];
    for (const row of BLOCKED_KEYS) {
      for (const key of row.keys) {
        let prevented = false;
        contents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', ...chordOf(row), key });
        if (!prevented) escaped.push(`${row.id} (${key})`);
      }
    }
    expect(BLOCKED_KEYS.length).toBeGreaterThan(50);
    expect(escaped).toEqual([]);
  });

  it('blocks the Cmd variant and extra modifiers of a chord, and lets arrows, typing and scanner input through', () => {
    const down = (key: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => isBlockedShortcut({ type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods });
    expect(down('w', { meta: true })).toBe(true);
    expect(down('W', { control: true, shift: true })).toBe(true);
    expect(down('F4', { alt: true, control: true })).toBe(true);
    for (const key of ['ArrowLeft', 'ArrowUp', 'F', 'w', 'Escape', 'Delete', ' ', '0', '-']) expect(down(key), key).toBe(false);
    expect(down('Tab', { shift: true })).toBe(false);
  });

  it('lets dev shortcuts through when allowed', () => {
    const session = new MockSession();
    const contents = new MockWebContents('kiosk://app/index.html', session);
    setupLockdown(contents as never, session as never, { allowDevShortcuts: true });
    expect(contents.listenerCount('before-input-event')).toBe(0);
  });
});
