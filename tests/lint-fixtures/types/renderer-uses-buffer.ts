// Node's Buffer in the renderer: must not type-check (Chromium has no Buffer).
export const bytes = Buffer.from('票据', 'utf8');
