// Rule `layers/folder-order`: inside one layer (the renderer), its folders
// form one order, lowest first; a file may import its own folder, the other
// folders of its level and every lower level, never a higher one. A folder
// (or a file directly in the base folder) that the order does not list fails
// until it is placed, as a new npm package fails until it is classified.
import { classifySpecifier, relativeToRoot } from './classify.js';
import { importVisitors } from './import-visitors.js';

/**
 * The first path segment under `base` (a folder name, or a file name directly
 * in `base`), or null when `rel` is not under `base`.
 * @param {string} base repo-relative POSIX folder, e.g. `renderer/src`
 * @param {string} rel repo-relative POSIX path
 */
export function entryOf(base, rel) {
  if (!rel.startsWith(`${base}/`)) return null;
  return rel.slice(base.length + 1).split('/')[0] ?? null;
}

/** `a/` for a folder, `a.tsx` for a file. */
const shown = (entry) => (/\.[a-z]+$/.test(entry) ? entry : `${entry}/`);

/**
 * The order as one line, lowest first: `i18n/ theme/ < hooks/ < ui/`.
 * @param {string[][]} levels
 */
export function describeOrder(levels) {
  return levels.map((level) => level.map(shown).join(' ')).join(' < ');
}

/** @type {import('eslint').Rule.RuleModule} */
export const folderOrderRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce one order of the folders inside a layer: lower folders never import higher ones' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          base: { type: 'string' },
          levels: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'base', 'levels'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: '{{from}} may import only {{allowed}} of {{base}}/ (got {{got}}); the order, lowest first: {{order}}',
      unlisted: '{{entry}} of {{base}}/ is not in its folder order; place it in a level in eslint.config.js (the order, lowest first: {{order}})',
    },
  },
  create(context) {
    const { root, base, levels } = context.options[0];
    const file = relativeToRoot(root, context.filename);
    const from = file === null ? null : entryOf(base, file);
    if (from === null) return {};
    // `./mount` names mount.tsx: files are matched without their script extension.
    const bare = (entry) => entry.replace(/\.(tsx?|jsx?)$/, '');
    const levelOf = (entry) => levels.findIndex((level) => level.some((e) => bare(e) === bare(entry)));
    const order = describeOrder(levels);
    const level = levelOf(from);
    if (level < 0) {
      return { Program: (node) => context.report({ node, messageId: 'unlisted', data: { entry: shown(from), base, order } }) };
    }
    const allowed = levels.slice(0, level + 1).flat().map(shown).join(', ');

    return importVisitors((node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = classifySpecifier(root, context.filename, specifier);
      if (target.kind !== 'path' || target.rel === null) return;
      const to = entryOf(base, target.rel);
      if (to === null || bare(to) === bare(from)) return;
      const toLevel = levelOf(to);
      if (toLevel < 0) return context.report({ node, messageId: 'unlisted', data: { entry: shown(to), base, order } });
      if (toLevel > level) context.report({ node, messageId: 'upward', data: { from: `${base}/${shown(from)}`, allowed, base, got: target.rel, order } });
    });
  },
};
