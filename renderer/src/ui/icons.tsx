/** Names of the built-in pictograms. */
export type IconName = 'card' | 'qr' | 'face' | 'shield' | 'family' | 'house' | 'elder' | 'shop' | 'print' | 'health' | 'speaker' | 'mute' | 'replay' | 'eye' | 'check' | 'warn';

const PATHS: Record<IconName, string> = {
  card: 'M3 6h18v12H3z M6 10h5 M6 13h8 M15 9h3v4h-3z',
  qr: 'M3 3h7v7H3z M14 3h7v7h-7z M3 14h7v7H3z M14 14h3v3h-3z M18 18h3v3h-3z M5 5h3v3H5z M16 5h3v3h-3z M5 16h3v3H5z',
  face: 'M12 3a7 8 0 1 0 0.01 0z M9 10h.01 M15 10h.01 M9 15q3 2 6 0',
  shield: 'M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z M9 12l2 2 4-4',
  family: 'M7 7a2 2 0 1 0 0.01 0z M17 7a2 2 0 1 0 0.01 0z M4 20v-6l3-3 3 3v6 M14 20v-6l3-3 3 3v6 M12 14a1.5 1.5 0 1 0 0.01 0z',
  house: 'M3 11l9-7 9 7 M5 10v10h14V10 M10 20v-6h4v6',
  elder: 'M10 4a2 2 0 1 0 0.01 0z M8 21l2-8 3 3v5 M10 13l-1-4 4 1 2 3 M17 12v9',
  shop: 'M4 8h16l-1 4H5z M5 12v8h14v-8 M9 20v-5h6v5 M4 8l2-4h12l2 4',
  print: 'M6 9V3h12v6 M4 9h16v8H4z M7 14h10v7H7z',
  health: 'M12 21s-8-5-8-11a4 4 0 0 1 8-2 4 4 0 0 1 8 2c0 6-8 11-8 11z M9 12h6 M12 9v6',
  speaker: 'M4 9h4l5-4v14l-5-4H4z M16 9q2 3 0 6 M18 6q5 6 0 12',
  mute: 'M4 9h4l5-4v14l-5-4H4z M16 9l5 6 M21 9l-5 6',
  replay: 'M4 12a8 8 0 1 0 2.5-5.8 M4 4v5h5',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 0 0.01 0z',
  check: 'M5 12l5 5 9-10',
  warn: 'M12 3l10 18H2z M12 10v5 M12 18v.01',
};

/** A simple line pictogram; decorative (hidden from screen readers) because every use has a text label. */
export function Icon({ name, size = 48 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
