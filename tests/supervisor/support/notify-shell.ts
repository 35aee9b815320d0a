// A stand-in shell process: starts the sd_notify heartbeat as the Electron
// shell does, says READY=1, and hangs its event loop (busy, not crashed)
// when its parent sends "hang".
import { startSdNotify } from '../../../main/supervisor/sd-notify';

const notify = startSdNotify();
notify.ready();
process.on('message', (m) => {
  if (m !== 'hang') return;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    // Stuck: the main loop never comes back.
  }
});
process.send?.({ intervalMs: notify.intervalMs });
