// Local ESLint plugin: the kiosk's architecture rules (see docs/architecture.md
// and the layer table in eslint.config.js).
import { dependenciesRule } from './rule-dependencies.js';
import { folderOrderRule } from './rule-folder-order.js';

/** The plugin object for a flat config: `plugins: { layers }`, rules `layers/dependencies` and `layers/folder-order`. */
const plugin = {
  meta: { name: 'eslint-plugin-layers', version: '0.1.0' },
  rules: { dependencies: dependenciesRule, 'folder-order': folderOrderRule },
};

export default plugin;
