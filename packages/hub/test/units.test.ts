import { describe, expect, it } from 'vitest';
import { IgnoreRules } from '@spacelint/core/node';
import { neverUploaded } from '@spacelint/core/node';
import { eventLines, SseDecoder } from '../src/logs.js';
import { formatHubSpaceUrl, isHubSpaceUrl, parseHubSpaceUrl, parseSpaceId, SpaceRefError } from '../src/index.js';
import { isIdempotent, parseRetryAfter } from '../src/transport.js';

describe('hf:// Space URLs', () => {
  it('parses owner/name with an optional revision (which may contain slashes)', () => {
    expect(parseHubSpaceUrl('hf://spaces/user/demo')).toEqual({ id: 'user/demo' });
    expect(parseHubSpaceUrl('hf://spaces/user/demo/')).toEqual({ id: 'user/demo' });
    expect(parseHubSpaceUrl('hf://spaces/user/demo@v1.2')).toEqual({ id: 'user/demo', revision: 'v1.2' });
    expect(parseHubSpaceUrl('hf://spaces/acme/my.app_2@refs/pr/3')).toEqual({ id: 'acme/my.app_2', revision: 'refs/pr/3' });
    expect(formatHubSpaceUrl({ id: 'user/demo', revision: 'abc1234' })).toBe('hf://spaces/user/demo@abc1234');
    expect(isHubSpaceUrl('hf://spaces/a/b')).toBe(true);
    expect(isHubSpaceUrl('./spaces/a/b')).toBe(false);
  });

  it.each([
    'hf://models/user/demo',
    'hf://spaces/user',
    'hf://spaces/user/demo/extra',
    'hf://spaces/user/demo@',
    'hf://spaces/user/de mo',
    'hf://spaces/-user/demo',
    'hf://spaces/user/demo--x',
    'hf://spaces/user/demo@a?b',
    'hf://spaces/user/demo@../x',
  ])('rejects %s with a reason', (url) => {
    expect(() => parseHubSpaceUrl(url)).toThrow(SpaceRefError);
  });

  it('validates bare Space ids', () => {
    expect(parseSpaceId(' user/demo ')).toBe('user/demo');
    expect(() => parseSpaceId('demo')).toThrow(/expected "owner\/name"/);
    expect(() => parseSpaceId('user/demo.git')).toThrow(SpaceRefError);
    expect(() => parseSpaceId(`user/${'a'.repeat(97)}`)).toThrow(SpaceRefError);
  });
});

describe('gitignore rules', () => {
  const rules = (text: string, base = '') => new IgnoreRules().add(text, base);

  it('matches names at any depth, anchored paths from the file’s folder', () => {
    const r = rules('*.log\n/build\ndocs/*.md\n');
    expect(r.ignores('a.log')).toBe(true);
    expect(r.ignores('deep/x/a.log')).toBe(true);
    expect(r.ignores('build', true)).toBe(true);
    expect(r.ignores('src/build', true)).toBe(false);
    expect(r.ignores('docs/a.md')).toBe(true);
    expect(r.ignores('docs/sub/a.md')).toBe(false);
    expect(r.ignores('other/docs/a.md')).toBe(false);
  });

  it('applies folder-only patterns to folders only', () => {
    const r = rules('cache/\n');
    expect(r.ignores('cache', true)).toBe(true);
    expect(r.ignores('a/cache', true)).toBe(true);
    expect(r.ignores('cache', false)).toBe(false);
  });

  it('lets the last matching pattern win, with ! negation', () => {
    const r = rules('*.txt\n!keep.txt\n');
    expect(r.ignores('a.txt')).toBe(true);
    expect(r.ignores('keep.txt')).toBe(false);
    expect(rules('!keep.txt\n*.txt\n').ignores('keep.txt')).toBe(true);
  });

  it('supports **, ?, character classes, escapes and comments', () => {
    const r = rules('# comment\n**/tmp\nlogs/**\na/**/z\nfile?.py\n[Tt]est.txt\n\\#literal\n\\!bang\ntrailing\\ \n');
    expect(r.ignores('x/y/tmp', true)).toBe(true);
    expect(r.ignores('logs/a/b.txt')).toBe(true);
    expect(r.ignores('a/z')).toBe(true);
    expect(r.ignores('a/b/c/z')).toBe(true);
    expect(r.ignores('file1.py')).toBe(true);
    expect(r.ignores('file10.py')).toBe(false);
    expect(r.ignores('Test.txt')).toBe(true);
    expect(r.ignores('test.txt')).toBe(true);
    expect(r.ignores('# comment')).toBe(false);
    expect(r.ignores('#literal')).toBe(true);
    expect(r.ignores('!bang')).toBe(true);
  });

  it('scopes a nested .gitignore to its folder and names the rule that matched', () => {
    const r = new IgnoreRules().add('secret.txt\n', 'sub', 'sub/.gitignore');
    expect(r.ignores('sub/secret.txt')).toBe(true);
    expect(r.ignores('secret.txt')).toBe(false);
    expect(r.match('sub/x/secret.txt', false)).toBe('sub/.gitignore: secret.txt');
  });

  it('checks parent folders for a listed path', () => {
    const r = rules('data/\n');
    expect(r.matchWithParents('data/a/b.csv')).toBe('.gitignore: data/');
    expect(r.matchWithParents('src/data.py')).toBeUndefined();
  });

  it('never uploads .git or .env files, whatever the patterns say', () => {
    expect(neverUploaded('.git')).toBe('git');
    expect(neverUploaded('sub/.git/config')).toBe('git');
    expect(neverUploaded('.env')).toBe('env-file');
    expect(neverUploaded('api/.env.local')).toBe('env-file');
    expect(neverUploaded('env.py')).toBeUndefined();
    expect(neverUploaded('.envrc')).toBe('credentials');
    expect(neverUploaded('.huggingface/token')).toBe('credentials');
    expect(neverUploaded('.netrc')).toBe('credentials');
    expect(neverUploaded('envrc.py')).toBeUndefined();
  });
});

describe('SSE decoding', () => {
  it('a line that never ends is cut at 1 M characters instead of growing without bound', () => {
    const decoder = new SseDecoder();
    const events = [...decoder.push('data: ')];
    for (let i = 0; i < 48; i++) events.push(...decoder.push('x'.repeat(65_536)));
    events.push(...decoder.push('\n\ndata: next\n\n'));
    const datas = events.filter((e) => e).map((e) => e!.data);
    expect(datas[0].length).toBeLessThanOrEqual(1024 * 1024);
    expect(datas.at(-1)).toBe('next');
  });

  it('decodes the Hub log events in any chunking', () => {
    const stream = 'data: {"data":"Building user/demo (gradio)\\n","timestamp":"2025-01-01T00:00:00Z"}\n\ndata: {"data":"DONE 1.2s\\n","timestamp":"t2"}\n\n';
    for (const size of [1, 3, 7, stream.length]) {
      const decoder = new SseDecoder();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...decoder.push(stream.slice(i, i + size)));
      expect(events).toEqual([
        { data: 'Building user/demo (gradio)\n', timestamp: '2025-01-01T00:00:00Z' },
        { data: 'DONE 1.2s\n', timestamp: 't2' },
      ]);
    }
  });

  it('treats empty data events as keep-alives, ignores comments and other fields, accepts CRLF', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(': ping\r\n\r\ndata:\r\n\r\nevent: log\r\nid: 4\r\ndata: plain text\r\n\r\n')).toEqual([undefined, { data: 'plain text', timestamp: '' }]);
  });

  it('joins multi-line data and keeps a final event without its blank line', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: one\ndata: two\n\ndata: {"data":"tail","timestamp":"t"}')).toEqual([{ data: 'one\ntwo', timestamp: '' }]);
    expect(decoder.end()).toEqual({ data: 'tail', timestamp: 't' });
    expect(eventLines({ data: 'a\r\nb\n', timestamp: '' })).toEqual(['a', 'b']);
  });
});

describe('retry policy helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const date = new Date(Date.now() + 30_000).toUTCString();
    expect(parseRetryAfter(date)).toBeGreaterThan(25_000);
  });

  it('classifies what may be repeated', () => {
    const hub = 'https://huggingface.co';
    expect(isIdempotent('GET', `${hub}/api/spaces/u/d/runtime`)).toBe(true);
    expect(isIdempotent('DELETE', `${hub}/api/spaces/u/d/secrets`)).toBe(true);
    expect(isIdempotent('PUT', 'https://s3.example/upload?sig=1')).toBe(true);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/secrets`)).toBe(true);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/hardware`)).toBe(true);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/preupload/main`)).toBe(true);
    expect(isIdempotent('POST', `${hub}/spaces/u/d.git/info/lfs/objects/batch`)).toBe(true);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/commit/main`)).toBe(false);
    expect(isIdempotent('POST', `${hub}/api/repos/create`)).toBe(false);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/restart`)).toBe(false);
    expect(isIdempotent('POST', `${hub}/api/spaces/u/d/duplicate`)).toBe(false);
  });
});
