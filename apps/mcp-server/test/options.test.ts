import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseOptions, UsageError } from '../src/options.js';
import { selectTools } from '../src/tool-catalog.js';
import { tempRoot } from './helpers.js';

describe('parseOptions', () => {
  it('defaults to stdio, every tool group, the working directory as the only root', () => {
    const o = parseOptions([], {}, '/work/here');
    expect(o).toMatchObject({ http: false, port: DEFAULT_PORT, groups: ['lint', 'observe', 'deploy'], readOnly: false, roots: ['/work/here'] });
    expect(o.authToken).toBeUndefined();
    expect(o.hfToken).toBeUndefined();
  });

  it('reads --http, --port (0 included), --tools, --read-only and repeated --root', () => {
    const o = parseOptions(['--http', '--port', '0', '--tools', 'lint,observe', '--read-only', '--root', '/a', '--root=/b'], {});
    expect(o).toMatchObject({ http: true, port: 0, groups: ['lint', 'observe'], readOnly: true, roots: ['/a', '/b'] });
  });

  it('takes the bearer token from --auth-token-file before SPACELINT_MCP_TOKEN, and HF_TOKEN/HF_ENDPOINT from the environment', () => {
    const file = join(tempRoot(), 'token');
    writeFileSync(file, '  from-file-token\n');
    expect(parseOptions(['--auth-token-file', file], { SPACELINT_MCP_TOKEN: 'env-token' }).authToken).toBe('from-file-token');
    expect(parseOptions([], { SPACELINT_MCP_TOKEN: 'env-token' }).authToken).toBe('env-token');
    const o = parseOptions([], { HF_TOKEN: 'hf_x', HF_ENDPOINT: 'http://127.0.0.1:9/' });
    expect(o.hfToken).toBe('hf_x');
    expect(o.hfEndpoint).toBe('http://127.0.0.1:9');
  });

  it('refuses bad options with a clear message', () => {
    const bad = (argv: string[], message: RegExp) => expect(() => parseOptions(argv, {})).toThrow(message);
    bad(['--tools', 'lint,publish'], /--tools takes lint, observe, deploy/);
    bad(['--port', '80'], /--port goes with --http/);
    bad(['--http', '--port', 'http'], /--port must be a number/);
    bad(['--http', '--port', '70000'], /--port must be a number/);
    bad(['--root'], /--root needs a value/);
    bad(['--verbose'], /unknown option --verbose/);
    bad(['--auth-token-file', '/nonexistent/token'], /cannot read --auth-token-file/);
    expect(() => parseOptions(['--nope'], {})).toThrow(UsageError);
  });
});

describe('selectTools', () => {
  it('keeps the groups asked for, and --read-only drops every tool that changes something', () => {
    expect(selectTools(['lint'], false).map((t) => t.name)).toEqual(['lint_space', 'fix_space', 'explain_rule', 'list_rules', 'validate_space_config', 'scaffold_space']);
    // biome-ignore format: a packed word list reads better than one word per line
    expect(selectTools(['lint', 'observe', 'deploy'], true).map((t) => t.name)).toEqual([
      'lint_space', 'explain_rule', 'list_rules', 'validate_space_config', 'whoami', 'space_status', 'wait_for_space', 'space_logs', 'diagnose_space', 'read_space_files',
    ]);
    expect(selectTools(['deploy'], true)).toEqual([]);
  });
});
