// Node's Buffer in common/: must not type-check (common/ also runs in the renderer).
export const size = Buffer.byteLength('票据');
