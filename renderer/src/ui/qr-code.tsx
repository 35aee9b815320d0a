import { useMemo } from 'react';
import { encodeQr, qrPath } from './qr-modules';

/**
 * A QR code drawn as SVG in the renderer (no network, no canvas): dark
 * modules on white with the standard 4-module quiet zone, scaled to `sizePx`.
 */
export function QrCode({ payload, label, sizePx, testId }: { payload: string; label: string; sizePx: number; testId?: string }) {
  const matrix = useMemo(() => encodeQr(payload), [payload]);
  const extent = matrix.size + 8;
  return (
    <svg
      className="qr-code"
      data-testid={testId}
      data-version={matrix.version}
      role="img"
      aria-label={label}
      width={sizePx}
      height={sizePx}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={qrPath(matrix)} fill="#000000" />
    </svg>
  );
}
