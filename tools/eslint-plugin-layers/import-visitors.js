// The AST visitors shared by the rules of this plugin: every way a module can
// name another one. `check(node, specifier)` is called with the node to report
// on and the specifier string (non-literal specifiers are skipped).

/**
 * Visitors for `import` (type-only included), `export … from`, `import()`,
 * `require()`, `import('x').T` type references and `import x = require('x')`.
 * @param {(node: object, specifier: unknown) => void} check
 */
export function importVisitors(check) {
  const fromSource = (node) => {
    if (node.source) check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression(node) {
      if (node.source.type === 'Literal') check(node.source, node.source.value);
    },
    CallExpression(node) {
      const [arg] = node.arguments;
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(arg, arg.value);
    },
    TSImportType(node) {
      const arg = node.argument;
      const literal = arg?.type === 'TSLiteralType' ? arg.literal : arg;
      if (literal?.type === 'Literal') check(literal, literal.value);
    },
    TSExternalModuleReference(node) {
      if (node.expression.type === 'Literal') check(node.expression, node.expression.value);
    },
  };
}
