// The DOM in common/: must not type-check (common/ also runs in plain Node).
export const title = document.title;
