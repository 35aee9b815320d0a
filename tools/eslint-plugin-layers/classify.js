// Pure helpers of the layers rule: which layer a file belongs to, and what an
// import specifier points at. No ESLint types here, so they are easy to test.
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/**
 * @typedef {object} Layer
 * @property {string} name      shown in messages, e.g. `renderer`
 * @property {string[]} dirs    repo-relative folders (POSIX, no trailing slash) that make up the layer
 * @property {string[]} allow   layer names whose files this layer may import (itself included explicitly)
 * @property {boolean} node     may import Node builtins (`node:*` or bare `fs`)
 * @property {string[]} packages npm packages it may import (`@scope/*` matches a whole scope)
 * @property {boolean} [lenient] anything goes (tests, bench, scripts, tools)
 * @property {string} [hint]    appended to the message when a layer that may not import this one does (says why, and the way that exists)
 */

/** Repo-relative POSIX path of an absolute file path, or null when outside `root`. */
export function relativeToRoot(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
}

/**
 * The layer of a repo-relative path: the one whose folder is the longest
 * prefix. Null when no layer claims it (root config files).
 * @param {Layer[]} layers
 * @param {string} rel
 */
export function layerOf(layers, rel) {
  let best = null;
  let bestLength = -1;
  for (const layer of layers) {
    for (const dir of layer.dirs) {
      const matches = dir.endsWith('.ts') || dir.endsWith('.js') ? rel === dir : rel === dir || rel.startsWith(`${dir}/`);
      if (matches && dir.length > bestLength) {
        best = layer;
        bestLength = dir.length;
      }
    }
  }
  return best;
}

/**
 * What a specifier points at: a repo path (relative imports, resolved against
 * the importing file), a Node builtin, or an npm package (its name, scope
 * included). Query strings (`?raw`) are ignored.
 * @returns {{kind: 'path', rel: string | null} | {kind: 'builtin', name: string} | {kind: 'package', name: string}}
 */
export function classifySpecifier(root, importer, specifier) {
  const spec = specifier.split('?')[0];
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = spec.startsWith('/') ? spec : path.resolve(path.dirname(importer), spec);
    return { kind: 'path', rel: relativeToRoot(root, target) };
  }
  if (spec.startsWith('node:')) return { kind: 'builtin', name: spec };
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTINS.has(name) || BUILTINS.has(spec)) return { kind: 'builtin', name: spec };
  return { kind: 'package', name };
}

/** True when `name` is in `packages` (exact, or `@scope/*`). */
export function packageAllowed(packages, name) {
  return packages.some((p) => p === name || (p.endsWith('/*') && name.startsWith(p.slice(0, -1))));
}

/** `a/, b/ and c/` */
export function listDirs(layers, names) {
  const dirs = names.flatMap((n) => layers.find((l) => l.name === n)?.dirs ?? [`${n}`]).map((d) => (/\.[a-z]+$/.test(d) ? d : `${d}/`));
  return dirs.length <= 1 ? dirs.join('') : `${dirs.slice(0, -1).join(', ')} and ${dirs.at(-1)}`;
}
