import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, readJson, sendFile, sendJson } from './http.js';
import { createLfsRoutes } from './lfs.js';
import { defaultReadme, GITATTRIBUTES, gitBlobOid, HARDWARE, HttpError, lfsPointer, SDKS, type Commit, type FakeHubState, type Principal, type SpaceRecord, type StoredFile } from './state.js';

/** The Hub's HTTP routes (spec hub-api.md): whoami, repos, Space API, tree, downloads, commits, SSE logs. */
export function createRoutes(state: FakeHubState) {
  const { cfg, spaces, lfsObjects, openStreams, now, head, newSpace, addCommit, build, pollRuntime, runtimeJson, spaceInfoJson, member, findSpace, requireWrite, resolveCommit, resolveBranch } = state;
  const { preupload, lfsBatch, lfsStorage } = createLfsRoutes(state);

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, who: Principal | undefined): Promise<void> {
    const method = req.method ?? 'GET';
    const parts = url.pathname
      .split('/')
      .slice(1)
      .map((p) => decodeURIComponent(p));

    if (method === 'GET' && url.pathname === '/api/whoami-v2') {
      if (!who) throw new HttpError(401, 'Invalid credentials in Authorization header');
      return sendJson(res, 200, {
        type: 'user',
        id: createHash('sha1').update(who.user).digest('hex').slice(0, 24),
        name: who.user,
        fullname: who.user,
        email: `${who.user}@example.com`,
        emailVerified: true,
        isPro: false,
        canPay: false,
        avatarUrl: '',
        periodEnd: null,
        billingMode: 'postpaid',
        orgs: who.orgs.map((name) => ({
          type: 'org',
          id: createHash('sha1').update(name).digest('hex').slice(0, 24),
          name,
          fullname: name,
          email: null,
          canPay: false,
          avatarUrl: '',
          periodEnd: null,
        })),
        auth: { type: 'access_token', accessToken: { displayName: 'fake', role: who.role, createdAt: '2025-01-01T00:00:00.000Z' } },
      });
    }
    if (method === 'POST' && url.pathname === '/api/repos/create') return createRepo(req, res, who);
    if (method === 'DELETE' && url.pathname === '/api/repos/delete') {
      const body = await readJson(req);
      const id = `${String(body.organization ?? who?.user)}/${String(body.name)}`;
      const space = findSpace(id, who);
      requireWrite(space, who);
      spaces.delete(id);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return void res.end('OK');
    }
    if (method === 'GET' && url.pathname === '/api/spaces/hardware') {
      return sendJson(
        res,
        200,
        HARDWARE.map((name) => ({ name, prettyName: name, cpu: '2 vCPU', ram: '16 GB', unitCostMicroUSD: 0, unitCostUSD: 0, unitLabel: 'hour' })),
      );
    }
    if (method === 'GET' && url.pathname === '/api/spaces') {
      const author = url.searchParams.get('author');
      const list = [...spaces.values()].filter((s) => (!author || s.namespace === author) && (!s.private || member(who, s.namespace)));
      // spacelint audit: `search` (substring of the id) and `Link` paging by `limit` and `pageSize`, as the Hub pages listings.
      const search = url.searchParams.get('search')?.toLowerCase();
      const found = search ? list.filter((s) => `${s.namespace}/${s.name}`.toLowerCase().includes(search)) : list;
      const size = Math.min(Number(url.searchParams.get('limit')) || cfg.pageSize, cfg.pageSize);
      const cursor = Number(url.searchParams.get('cursor') ?? '0') || 0;
      const next = new URL(url.href, state.base);
      next.searchParams.set('cursor', String(cursor + size));
      const link: Record<string, string> = cursor + size < found.length ? { Link: `<${state.base}${next.pathname}${next.search}>; rel="next"` } : {};
      return sendJson(
        res,
        200,
        found.slice(cursor, cursor + size).map((s) => spaceInfoJson(s, head(s), url.searchParams.getAll('expand'))),
        link,
      );
    }
    // Git LFS batch: /spaces/{ns}/{name}.git/info/lfs/objects/batch (no /api, spec §0).
    if (method === 'POST' && parts[0] === 'spaces' && parts.length === 7 && parts[2].endsWith('.git') && parts.slice(3).join('/') === 'info/lfs/objects/batch') {
      return lfsBatch(req, res, `${parts[1]}/${parts[2].slice(0, -4)}`, who);
    }
    if (parts[0] === '__lfs') return lfsStorage(req, res, parts);
    if ((method === 'GET' || method === 'HEAD') && parts[0] === 'spaces' && (parts[3] === 'resolve' || parts[3] === 'raw') && parts.length >= 6) {
      const space = findSpace(`${parts[1]}/${parts[2]}`, who);
      const commit = resolveCommit(space, parts[4]);
      return serveFile(req, res, commit, parts.slice(5).join('/'), parts[3] === 'raw');
    }
    if (parts[0] === 'api' && parts[1] === 'spaces' && parts.length >= 4) return spaceApi(req, res, url, parts.slice(2), who);
    throw new HttpError(404, `Sorry, we can't find the page you are looking for (fake Hub: no route for ${method} ${url.pathname}).`);
  }

  async function createRepo(req: IncomingMessage, res: ServerResponse, who: Principal | undefined): Promise<void> {
    if (!who) throw new HttpError(401, 'Invalid username or password.');
    const body = await readJson(req);
    if (body.type !== 'space') throw new HttpError(400, 'The fake Hub hosts Spaces only (type must be "space")');
    const name = String(body.name ?? '');
    const namespace = String(body.organization ?? who.user);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,94}$/.test(name)) throw new HttpError(400, `Invalid repo name: ${name}`);
    const sdk = String(body.sdk ?? 'static');
    if (!SDKS.includes(sdk)) throw new HttpError(400, `Invalid sdk: ${sdk}. Must be one of ${SDKS.join(', ')}`);
    requireWrite(namespace, who);
    const id = `${namespace}/${name}`;
    if (spaces.has(id)) throw new HttpError(409, 'You already created this space repo', undefined, { url: `${state.base}/spaces/${id}` });
    const hardware = body.hardware === undefined ? null : String(body.hardware);
    if (hardware !== null && !HARDWARE.includes(hardware)) throw new HttpError(400, `Invalid hardware flavor: ${hardware}`);
    const isPrivate = body.visibility !== undefined ? body.visibility !== 'public' : body.private === true;
    const space = newSpace(id, sdk, isPrivate, hardware);
    if (typeof body.sleepTimeSeconds === 'number') space.sleepTime = body.sleepTimeSeconds;
    for (const [list, target] of [
      [body.secrets, space.secrets],
      [body.variables, space.variables],
    ] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw new HttpError(400, 'secrets and variables must be arrays of {key, value}');
      for (const item of list as { key?: unknown; value?: unknown; description?: unknown }[]) {
        if (typeof item?.key !== 'string' || typeof item.value !== 'string') throw new HttpError(400, 'Each secret or variable needs a string key and value');
        target.set(item.key, { value: item.value, ...(typeof item.description === 'string' ? { description: item.description } : {}), updatedAt: now() });
      }
    }
    const files = new Map<string, StoredFile>([
      ['.gitattributes', { content: Buffer.from(GITATTRIBUTES) }],
      ['README.md', { content: Buffer.from(defaultReadme(name, sdk)) }],
    ]);
    for (const file of (Array.isArray(body.files) ? body.files : []) as { path?: unknown; content?: unknown }[]) {
      if (typeof file.path === 'string' && typeof file.content === 'string') files.set(file.path, { content: Buffer.from(file.content, 'base64') });
    }
    spaces.set(id, space);
    addCommit(space, 'initial commit', files);
    build(space);
    return sendJson(res, 200, { url: `${state.base}/spaces/${id}`, name: id, id: space.mongoId });
  }

  async function spaceApi(req: IncomingMessage, res: ServerResponse, url: URL, rest: string[], who: Principal | undefined): Promise<void> {
    const method = req.method ?? 'GET';
    const id = `${rest[0]}/${rest[1]}`;
    const action = rest[2];
    const space = findSpace(id, who);

    if (method === 'GET' && (action === undefined || action === 'revision')) {
      const commit = resolveCommit(space, action === 'revision' ? (rest[3] ?? 'main') : 'main');
      const expand = url.searchParams.getAll('expand').concat(url.searchParams.getAll('expand[]'));
      if (expand.includes('runtime')) pollRuntime(space);
      return sendJson(res, 200, spaceInfoJson(space, commit, url.searchParams.getAll('expand')));
    }
    if (method === 'GET' && action === 'tree') return tree(res, url, resolveCommit(space, rest[3] ?? 'main'), rest.slice(4).join('/'));
    if (method === 'POST' && action === 'paths-info') {
      const commit = resolveCommit(space, rest[3] ?? 'main');
      const body = await readJson(req);
      const paths = Array.isArray(body.paths) ? (body.paths as unknown[]).filter((p): p is string => typeof p === 'string') : [];
      return sendJson(
        res,
        200,
        paths.filter((p) => commit.files.has(p)).map((p) => treeEntry(p, commit.files.get(p)!, commit)),
      );
    }
    if (method === 'POST' && action === 'preupload') return preupload(req, res, space, who, rest[3]);
    if (method === 'POST' && action === 'commit') return commitFiles(req, res, url, space, who, rest[3]);

    if (method === 'GET' && action === 'runtime') {
      pollRuntime(space);
      return sendJson(res, 200, runtimeJson(space));
    }
    if (action === 'secrets' || action === 'variables') {
      requireWrite(space, who);
      const store = action === 'secrets' ? space.secrets : space.variables;
      const view = () =>
        Object.fromEntries(
          [...store].map(([k, v]) => [
            k,
            action === 'secrets'
              ? { ...(v.description ? { description: v.description } : {}), updatedAt: v.updatedAt }
              : { value: v.value, ...(v.description ? { description: v.description } : {}), updatedAt: v.updatedAt },
          ]),
        );
      if (method === 'GET') return sendJson(res, 200, view());
      const body = await readJson(req);
      if (typeof body.key !== 'string' || !body.key) throw new HttpError(400, 'key is required');
      if (method === 'POST') {
        if (typeof body.value !== 'string') throw new HttpError(400, 'value must be a string');
        store.set(body.key, { value: body.value, ...(typeof body.description === 'string' ? { description: body.description } : {}), updatedAt: now() });
        return sendJson(res, 200, action === 'secrets' ? {} : view());
      }
      if (method === 'DELETE') {
        store.delete(body.key);
        return sendJson(res, 200, action === 'secrets' ? {} : view());
      }
    }
    if (method === 'POST' && action === 'hardware') {
      requireWrite(space, who);
      const body = await readJson(req);
      if (typeof body.flavor !== 'string' || !HARDWARE.includes(body.flavor)) throw new HttpError(400, `Invalid hardware flavor: ${String(body.flavor)}`);
      space.hardware = body.flavor;
      if (typeof body.sleepTimeSeconds === 'number') space.sleepTime = body.sleepTimeSeconds;
      build(space);
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'POST' && action === 'sleeptime') {
      requireWrite(space, who);
      const body = await readJson(req);
      if (typeof body.seconds !== 'number' || !Number.isInteger(body.seconds) || (body.seconds < 0 && body.seconds !== -1)) {
        throw new HttpError(400, 'seconds must be an integer (or -1 for never)');
      }
      space.sleepTime = body.seconds;
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'POST' && (action === 'pause' || action === 'restart')) {
      requireWrite(space, who);
      if (space.sdk === 'static') throw new HttpError(400, `Cannot ${action} a static Space`);
      if (action === 'pause') {
        space.stage = 'PAUSED';
        space.pending = undefined;
        space.errorMessage = undefined;
      } else {
        space.restarts++;
        if (url.searchParams.get('factory') === 'true') space.factoryRebuilds++;
        build(space);
      }
      return sendJson(res, 200, runtimeJson(space));
    }
    if (action === 'storage' && (method === 'POST' || method === 'DELETE')) {
      requireWrite(space, who);
      if (method === 'POST') {
        const body = await readJson(req);
        if (!['small', 'medium', 'large'].includes(String(body.tier))) throw new HttpError(400, `Invalid storage tier: ${String(body.tier)}`);
        space.storage = String(body.tier);
      } else {
        if (!space.storage) throw new HttpError(400, 'This Space has no persistent storage');
        space.storage = null;
      }
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'GET' && action === 'logs' && (rest[3] === 'build' || rest[3] === 'run')) {
      if (!who || !member(who, space.namespace)) throw new HttpError(who ? 403 : 401, 'You need to be a member of the Space owner to read its logs');
      return streamLogs(req, res, rest[3] === 'build' ? space.buildLogs : space.runLogs, rest[3] === 'run' ? space.runLogEveryMs : undefined);
    }
    throw new HttpError(404, `Sorry, we can't find the page you are looking for (fake Hub: no route for ${method} ${url.pathname}).`);
  }

  function streamLogs(req: IncomingMessage, res: ServerResponse, lines: string[], everyMs?: number): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders(); // an empty log still answers at once
    const timestamp = now();
    for (const line of lines) res.write(`data: ${JSON.stringify({ data: `${line}\n`, timestamp })}\n\n`);
    // The real stream stays open (the client reads until idle, spec hub-api.md a.2); keep-alives are empty events.
    openStreams.add(res);
    const keepAlive = setInterval(() => res.write('data:\n\n'), 15_000);
    let tick = 0;
    const chatter = everyMs ? setInterval(() => res.write(`data: ${JSON.stringify({ data: `tick ${++tick}\n`, timestamp: now() })}\n\n`), everyMs) : undefined;
    const done = () => {
      clearInterval(keepAlive);
      clearInterval(chatter);
      openStreams.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  function treeEntry(path: string, file: StoredFile, commit: Commit): Record<string, unknown> {
    return {
      type: 'file',
      oid: file.lfs ? gitBlobOid(Buffer.from(lfsPointer(file.lfs, file.content.length))) : gitBlobOid(file.content),
      size: file.content.length,
      path,
      ...(file.lfs ? { lfs: { oid: file.lfs, size: file.content.length, pointerSize: lfsPointer(file.lfs, file.content.length).length } } : {}),
      lastCommit: { id: commit.oid, title: commit.title, date: commit.date },
    };
  }

  function tree(res: ServerResponse, url: URL, commit: Commit, folder: string): void {
    const recursive = url.searchParams.get('recursive') === 'true';
    const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
    if (folder && ![...commit.files.keys()].some((p) => p.startsWith(prefix))) {
      if (commit.files.has(folder)) throw new HttpError(400, `${folder} is a file, not a folder`);
      throw new HttpError(404, `Entry not found: ${folder}`, 'EntryNotFound');
    }
    const entries: Record<string, unknown>[] = [];
    const dirs = new Set<string>();
    for (const [path, file] of [...commit.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      const slash = rel.indexOf('/');
      if (slash !== -1) {
        const dir = prefix + rel.slice(0, slash);
        if (!dirs.has(dir)) {
          dirs.add(dir);
          entries.push({ type: 'directory', oid: createHash('sha1').update(dir).digest('hex'), size: 0, path: dir });
        }
        if (!recursive) continue;
        // Every intermediate folder of a recursive listing is listed too.
        const segments = rel.split('/');
        for (let i = 2; i < segments.length; i++) {
          const deeper = prefix + segments.slice(0, i).join('/');
          if (!dirs.has(deeper)) {
            dirs.add(deeper);
            entries.push({ type: 'directory', oid: createHash('sha1').update(deeper).digest('hex'), size: 0, path: deeper });
          }
        }
      }
      entries.push(treeEntry(path, file, commit));
    }
    const cursor = Number(url.searchParams.get('cursor') ?? '0') || 0;
    const page = entries.slice(cursor, cursor + cfg.pageSize);
    const headers: Record<string, string> = {};
    if (cursor + cfg.pageSize < entries.length) {
      const next = new URL(url.href, state.base);
      next.searchParams.set('cursor', String(cursor + cfg.pageSize));
      headers.Link = `<${state.base}${next.pathname}${next.search}>; rel="next"`;
    }
    sendJson(res, 200, page, headers);
  }

  async function commitFiles(req: IncomingMessage, res: ServerResponse, url: URL, space: SpaceRecord, who: Principal | undefined, rev: string | undefined): Promise<void> {
    requireWrite(space, who);
    const parent = resolveBranch(space, rev);
    const lines = (await readBody(req))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim());
    let header: { summary?: unknown; description?: unknown; parentCommit?: unknown } | undefined;
    const files = new Map(parent.files);
    for (const [i, line] of lines.entries()) {
      let op: { key?: unknown; value?: Record<string, unknown> };
      try {
        op = JSON.parse(line);
      } catch {
        throw new HttpError(400, `Line ${i + 1} of the commit payload is not JSON`);
      }
      const value = op.value ?? {};
      if (i === 0) {
        if (op.key !== 'header') throw new HttpError(400, 'The first line of a commit payload must be its header');
        header = value;
        continue;
      }
      const path = String(value.path ?? '');
      if (!path || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '')) throw new HttpError(422, `Invalid path in commit: ${path}`);
      if (op.key === 'file') {
        const content = Buffer.from(String(value.content ?? ''), value.encoding === 'base64' ? 'base64' : 'utf8');
        // The Hub refuses large or binary content outside LFS (spec (d) "regular file too big or binary").
        if (content.length >= cfg.lfsThreshold || content.subarray(0, 512).includes(0)) {
          throw new HttpError(422, `Your push was rejected because ${path} is a binary or large file; it must go through LFS`);
        }
        files.set(path, { content: new Uint8Array(content) });
      } else if (op.key === 'lfsFile') {
        const oid = String(value.oid ?? '');
        const stored = lfsObjects.get(oid);
        if (!stored || stored.length !== Number(value.size)) throw new HttpError(422, `LFS object ${oid} for ${path} was never uploaded`);
        files.set(path, { content: stored, lfs: oid });
      } else if (op.key === 'deletedFile') {
        files.delete(path);
      } else if (op.key === 'deletedFolder') {
        for (const p of [...files.keys()]) if (p.startsWith(`${path.replace(/\/$/, '')}/`)) files.delete(p);
      } else {
        throw new HttpError(400, `Unknown commit operation: ${String(op.key)}`);
      }
    }
    if (!header || typeof header.summary !== 'string' || !header.summary.trim()) throw new HttpError(400, 'A commit needs a header with a summary');
    if (typeof header.parentCommit === 'string' && header.parentCommit && header.parentCommit !== parent.oid) {
      throw new HttpError(412, 'A commit has happened since. Please refresh and try again.');
    }
    const commit = addCommit(space, header.summary, files);
    build(space);
    const commitUrl = `${state.base}/spaces/${space.namespace}/${space.name}/commit/${commit.oid}`;
    return sendJson(res, 200, {
      success: true,
      commitOid: commit.oid,
      commitUrl,
      hookOutput: '',
      ...(url.searchParams.get('create_pr') === '1' ? { pullRequestUrl: `${state.base}/spaces/${space.namespace}/${space.name}/discussions/1` } : {}),
    });
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, commit: Commit, path: string, raw: boolean): void {
    const file = commit.files.get(path);
    if (!file) throw new HttpError(404, `Entry not found: ${path}`, 'EntryNotFound');
    const repoHeaders = { 'X-Repo-Commit': commit.oid };
    if (file.lfs && !raw) {
      // LFS content lives in object storage: the Hub redirects there (spec a.1 "Download").
      res.writeHead(302, {
        Location: `${state.base}/__lfs/objects/${file.lfs}`,
        'X-Linked-Size': String(file.content.length),
        'X-Linked-Etag': `"${file.lfs}"`,
        ETag: `"${file.lfs}"`,
        ...repoHeaders,
      });
      return void res.end();
    }
    const bytes = file.lfs ? Buffer.from(lfsPointer(file.lfs, file.content.length)) : file.content;
    sendFile(req, res, bytes, gitBlobOid(bytes), repoHeaders);
  }

  return { handle };
}
