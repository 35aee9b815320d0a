import { app, type Session, type WebContents } from 'electron';
import { findBlockedKey, type KeyChord } from '../../common/lockdown/blocked-inputs';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** What a permission decision looks at (a subset of Electron's handler arguments). */
export interface PermissionQuery {
  permission: string;
  /** Origin or URL of the requesting frame. */
  origin: string | undefined;
  /** Media types requested or checked (`video` camera, `audio` microphone). */
  mediaTypes: ReadonlyArray<string>;
  isMainFrame: boolean;
}

/**
 * Allows only the camera (`media` with video and nothing else) for the app's
 * own main frame; denies every other permission, origin and media type
 * (microphone included). Pure, for tests.
 */
export function isPermissionAllowed(query: PermissionQuery): boolean {
  if (query.permission !== 'media' || !query.isMainFrame) return false;
  if (query.origin !== APP_ORIGIN && !isAppUrl(query.origin)) return false;
  return query.mediaTypes.length > 0 && query.mediaTypes.every((t) => t === 'video');
}

/** A key event as `before-input-event` reports it (the fields the filter reads). */
export interface KeyInput extends KeyChord {
  type: string;
}

/**
 * True for a key-down that matches a row of the blocked-input table
 * (`common/lockdown/blocked-inputs.ts`: closing, new windows, print, save,
 * open, find, history, downloads, view source, reload, DevTools, F1–F12,
 * modifier + arrows, zoom). Plain typing, Enter and Tab (keyboard-wedge QR
 * scanners, on-screen keyboards) pass; key-up events always pass.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  return input.type === 'keyDown' && findBlockedKey(input) !== null;
}

/** Options of {@link setupLockdown}. */
export interface LockdownOptions {
  /** Let reload/DevTools shortcuts through (development only). Default false. */
  allowDevShortcuts?: boolean;
}

/**
 * Locks the window's contents and session down: navigation and redirects to
 * any other origin are prevented, new windows denied, `<webview>` attach
 * prevented, downloads cancelled, pinch zoom and browser shortcuts
 * ({@link isBlockedShortcut}) disabled; permission requests and checks go
 * through {@link isPermissionAllowed}; USB/HID/serial device pickers are denied.
 */
export function setupLockdown(contents: WebContents, session: Session, options: LockdownOptions = {}): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!options.allowDevShortcuts) {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
  }
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const origin = ('securityOrigin' in details ? details.securityOrigin : undefined) ?? details.requestingUrl;
    callback(isPermissionAllowed({ permission, origin, mediaTypes, isMainFrame: details.isMainFrame }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, origin: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [], isMainFrame: details.isMainFrame }),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * App-wide guard for every webContents ever created (including any the
 * window lockdown does not know about): new windows denied, `<webview>`
 * attach prevented, navigation away from the app origin prevented.
 * Call before `ready`.
 */
export function setupGlobalLockdown(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
  });
}
