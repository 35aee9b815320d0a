import type { BaseUpdater } from 'electron-updater';

/**
 * Takes electron-updater's own install step away from it: `doInstall` of a
 * BaseUpdater (DebUpdater runs `pkexec dpkg -i` there, which asks for a
 * password on screen) is replaced by `handOver(installerPath)`, which gives
 * the downloaded file to the kiosk's root-side installer. `quitAndInstall`
 * then neither spawns anything nor quits the app (doInstall answers false);
 * the kiosk restarts itself once the installer has switched the slot.
 * Call it once on every updater instance the shell creates.
 */
export function routeInstallsToInstaller(updater: BaseUpdater, handOver: (installerPath: string) => void): void {
  const target = updater as unknown as { doInstall: (options: unknown) => boolean; installerPath: string | null };
  target.doInstall = () => {
    const file = target.installerPath;
    if (file) handOver(file);
    return false;
  };
}
