import { expect, it } from 'vitest';
import { isEslintCommand } from '../src/index.js';

it('uses Liftoff only under the one-shot eslint command, not in editors or other hosts', () => {
  expect(isEslintCommand('/p/node_modules/eslint/bin/eslint.js')).toBe(true);
  expect(isEslintCommand('/p/node_modules/.bin/eslint')).toBe(true);
  expect(isEslintCommand('/home/me/.vscode/extensions/dbaeumer.vscode-eslint/server/out/eslintServer.js')).toBe(false);
  expect(isEslintCommand('/p/lint-service.js')).toBe(false);
  expect(isEslintCommand(undefined)).toBe(false);
});
