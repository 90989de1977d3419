/**
 * @spacelint/eslint-plugin: every spacelint rule in ESLint 10.
 *
 *   import spacelint from '@spacelint/eslint-plugin';
 *   export default [...spacelint.configs.recommended];
 *
 * This module is the sources' entry (tests, type declarations); the published dist/index.js is built
 * from entry.ts, which exports the same things.
 */
import { initParsers } from './plugin.js';
import { chooseWasmTiering } from './tiering.js';

chooseWasmTiering();
await initParsers();

export {
  default,
  type SpacelintPlugin,
  LANGUAGE_FILES,
  rulesFor,
  SpaceLanguage,
  type LanguageName,
  SpaceSourceCode,
  type RootNode,
  type CommentNode,
  forgetSpaces,
  DISK_SNAPSHOT_TTL_MS,
  type SpaceLanguageOptions,
  type SpaceRuleOptions,
} from './plugin.js';
export { isEslintCommand } from './tiering.js';
