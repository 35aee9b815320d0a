/** Where things are in a Linux package, as `npm run package` makes it and scripts/release.ts reads it. */

/** The release public key the package's updater checks (SPKI PEM), in the app's `resources/`. */
export const RELEASE_KEY_RESOURCE = 'release-public-key.pem';

/** Where electron-installer-debian installs the app (root-owned once installed). */
export const DEB_APP_DIR = 'usr/lib/gov-kiosk';

