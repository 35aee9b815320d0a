#!/usr/bin/env bash
# Prepares CUPS with the cups-pdf "KioskPDF" printer for the A4 printing tests.
# Idempotent; run as root (CI runs it from .ci/run). Needs the Debian packages
# cups and printer-driver-cups-pdf. Prints the directory where PDFs land.
set -euo pipefail

PRINTER="${KIOSK_CUPS_PRINTER:-KioskPDF}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
CONF=/etc/cups/cups-pdf.conf

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-cups.sh: must run as root (cupsd, lpadmin)" >&2
  exit 1
fi
for tool in cupsd lpadmin lpstat cupsenable cupsaccept; do
  command -v "$tool" >/dev/null || { echo "setup-cups.sh: $tool missing (apt-get install -y cups printer-driver-cups-pdf)" >&2; exit 1; }
done
[ -f "$PPD" ] || { echo "setup-cups.sh: $PPD missing (apt-get install -y printer-driver-cups-pdf)" >&2; exit 1; }

# 1. The scheduler. `lpstat -r` says "scheduler is running" when it answers.
if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  mkdir -p /run/cups
  cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.1
  done
fi
lpstat -r | grep -q 'is running' || { echo "setup-cups.sh: cupsd did not start" >&2; exit 1; }

# 2. The cups-pdf queue, enabled and accepting jobs (lpadmin -E on an existing queue is harmless).
if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
  lpadmin -p "$PRINTER" -E -v cups-pdf:/ -P "$PPD"
fi
cupsenable "$PRINTER"
cupsaccept "$PRINTER"

# 3. Where the PDFs land: cups-pdf's "Out" (default ${HOME}/PDF of the job's
# user) and "AnonDirName" for users without an account (default
# /var/spool/cups-pdf/ANONYMOUS). The kiosk submits as its own user name.
out=$(awk '$1 == "Out" { print $2 }' "$CONF" 2>/dev/null | tail -n 1)
anon=$(awk '$1 == "AnonDirName" { print $2 }' "$CONF" 2>/dev/null | tail -n 1)
echo "printer: $PRINTER ($(lpstat -p "$PRINTER" | head -n 1))"
echo "output for account users: ${out:-\${HOME\}/PDF} (root: $(echo "${out:-\${HOME\}/PDF}" | sed "s#\${HOME}#/root#"))"
echo "output for unknown users: ${anon:-/var/spool/cups-pdf/ANONYMOUS}"
