#!/bin/sh
# deb post-install: let the kiosk user reach serial and USB devices.
# Runs as root; failures must not abort the installation.
set +e
if getent group dialout >/dev/null 2>&1 && id kiosk >/dev/null 2>&1; then
  usermod -a -G dialout kiosk
fi
exit 0
