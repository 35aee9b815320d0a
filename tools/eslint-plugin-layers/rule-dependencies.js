// Rule `layers/dependencies`: every import, export-from, dynamic import,
// require() and `import('x').T` type reference must respect the layer table in
// eslint.config.js. Type-only imports are checked like any other: a renderer
// that names a main/ type is coupled to main/ all the same.
import { classifySpecifier, layerOf, listDirs, packageAllowed, relativeToRoot } from './classify.js';
import { importVisitors } from './import-visitors.js';

/** @type {import('eslint').Rule.RuleModule} */
export const dependenciesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the architecture dependency rules between layers and the per-layer module allow-lists' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer: '{{layer}}/ may import only {{allowed}} (got {{got}}){{hint}}',
      builtin: '{{layer}}/ may import only {{allowed}}, no Node builtins (got {{got}})',
      package: '{{layer}}/ may import only {{allowed}} and the packages {{packages}} (got {{got}}); a new dependency must be classified in eslint.config.js',
      outside: '{{layer}}/ may import only {{allowed}} (got {{got}}, outside the repository)',
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = relativeToRoot(root, context.filename);
    const layer = file === null ? null : layerOf(layers, file);
    if (!layer || layer.lenient) return {};
    const allowed = listDirs(layers, layer.allow);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const target = classifySpecifier(root, context.filename, specifier);
      const data = { layer: layer.dirs[0], allowed, got: specifier };
      if (target.kind === 'path') {
        if (target.rel === null) return context.report({ node, messageId: 'outside', data });
        const targetLayer = layerOf(layers, target.rel);
        if (!targetLayer || !layer.allow.includes(targetLayer.name)) {
          context.report({ node, messageId: 'layer', data: { ...data, got: target.rel, hint: targetLayer?.hint ? `: ${targetLayer.hint}` : '' } });
        }
        return;
      }
      if (target.kind === 'builtin') {
        if (!layer.node) context.report({ node, messageId: 'builtin', data });
        return;
      }
      if (!packageAllowed(layer.packages, target.name)) {
        context.report({ node, messageId: 'package', data: { ...data, got: target.name, packages: layer.packages.join(', ') || 'none' } });
      }
    }

    return importVisitors(check);
  },
};
