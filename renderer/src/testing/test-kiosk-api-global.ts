import { TestKioskApi } from './test-kiosk-api';

/**
 * Entry for a browser bundle of {@link TestKioskApi}: Playwright checks of the
 * renderer alone inject it with a page init script and then set
 * `window.kiosk = new TestKioskApi(...)` before the app starts.
 */
(globalThis as { TestKioskApi?: typeof TestKioskApi }).TestKioskApi = TestKioskApi;
