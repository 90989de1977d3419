import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, readJson, sendFile, sendJson } from './http.js';
import { gitBlobOid, HttpError, type FakeHubState, type Principal, type SpaceRecord } from './state.js';

/**
 * Large-file routes: preupload (which files go through LFS), the Git LFS batch API, and the object
 * storage the batch answer points to (basic and multipart uploads, downloads).
 */
export function createLfsRoutes(state: FakeHubState) {
  const { cfg, lfsObjects, multiparts, findSpace, requireWrite, resolveBranch } = state;

  async function preupload(req: IncomingMessage, res: ServerResponse, space: SpaceRecord, who: Principal | undefined, rev: string | undefined): Promise<void> {
    requireWrite(space, who);
    const commit = resolveBranch(space, rev);
    const body = await readJson(req);
    const files = Array.isArray(body.files) ? (body.files as { path?: unknown; size?: unknown; sample?: unknown }[]) : undefined;
    if (!files) throw new HttpError(400, 'files is required');
    return sendJson(res, 200, {
      files: files.map((f) => {
        const path = String(f.path);
        const size = Number(f.size);
        const sample = Buffer.from(String(f.sample ?? ''), 'base64');
        const lfs = size >= cfg.lfsThreshold || sample.includes(0);
        const current = commit.files.get(path);
        return { path, uploadMode: lfs ? 'lfs' : 'regular', shouldIgnore: false, ...(current ? { oid: gitBlobOid(current.content) } : {}) };
      }),
      commitOid: commit.oid,
    });
  }

  async function lfsBatch(req: IncomingMessage, res: ServerResponse, id: string, who: Principal | undefined): Promise<void> {
    const space = findSpace(id, who);
    requireWrite(space, who);
    const body = await readJson(req);
    if (body.operation !== 'upload') throw new HttpError(400, 'Only the upload operation is supported');
    const objects = Array.isArray(body.objects) ? (body.objects as { oid?: unknown; size?: unknown }[]) : [];
    const requestId = String(res.getHeader('X-Request-Id'));
    const answer = objects.map((o) => {
      const oid = String(o.oid);
      const size = Number(o.size);
      if (!/^[0-9a-f]{64}$/.test(oid) || !Number.isInteger(size) || size < 0) {
        return { oid, size, error: { code: 422, message: 'Invalid object: oid must be a sha256 hex digest and size a byte count' } };
      }
      // Already stored: no actions, so the client skips the upload (spec a.1 "LFS batch").
      if (lfsObjects.get(oid)?.length === size) return { oid, size, authenticated: true };
      if (size >= cfg.multipartThreshold) {
        const count = Math.ceil(size / cfg.multipartChunk);
        const header: Record<string, string> = { chunk_size: String(cfg.multipartChunk) };
        for (let i = 1; i <= count; i++) header[String(i).padStart(5, '0')] = `${state.base}/__lfs/multipart/${oid}/${i}`;
        return { oid, size, authenticated: true, actions: { upload: { href: `${state.base}/__lfs/complete/${oid}?size=${size}`, header, expires_in: 86_400 } } };
      }
      return {
        oid,
        size,
        authenticated: true,
        actions: {
          upload: { href: `${state.base}/__lfs/upload/${oid}?size=${size}`, expires_in: 86_400 },
          verify: { href: `${state.base}/__lfs/verify`, header: { Authorization: 'Basic fake' } },
        },
      };
    });
    sendJson(res, 200, { transfer: 'basic', objects: answer }, { 'Content-Type': 'application/vnd.git-lfs+json', 'X-Request-Id': requestId });
  }

  async function lfsStorage(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    const kind = parts[1];
    const oid = parts[2] ?? '';
    if (method === 'PUT' && kind === 'upload') {
      const bytes = await readBody(req);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== oid) throw new HttpError(400, `Uploaded content does not match its oid (got sha256 ${sha})`);
      lfsObjects.set(oid, new Uint8Array(bytes));
      res.writeHead(200);
      return void res.end();
    }
    if (method === 'PUT' && kind === 'multipart') {
      const part = Number(parts[3]);
      const bytes = await readBody(req);
      const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
      const map = multiparts.get(oid) ?? new Map();
      map.set(part, { bytes: new Uint8Array(bytes), etag });
      multiparts.set(oid, map);
      res.writeHead(200, { ETag: etag });
      return void res.end();
    }
    if (method === 'POST' && kind === 'complete') {
      const body = await readJson(req);
      const list = Array.isArray(body.parts) ? (body.parts as { partNumber?: unknown; etag?: unknown }[]) : [];
      const stored = multiparts.get(oid);
      if (!stored || list.length !== stored.size) throw new HttpError(400, 'Multipart upload is incomplete');
      const chunks: Uint8Array[] = [];
      for (const [i, item] of list.entries()) {
        const part = stored.get(Number(item.partNumber));
        if (!part || Number(item.partNumber) !== i + 1 || part.etag !== item.etag) throw new HttpError(400, `Part ${String(item.partNumber)} is missing or its ETag does not match`);
        chunks.push(part.bytes);
      }
      const bytes = Buffer.concat(chunks);
      if (createHash('sha256').update(bytes).digest('hex') !== oid) throw new HttpError(400, 'Assembled content does not match its oid');
      lfsObjects.set(oid, new Uint8Array(bytes));
      multiparts.delete(oid);
      return sendJson(res, 200, {});
    }
    if ((method === 'GET' || method === 'HEAD') && kind === 'objects') {
      const bytes = lfsObjects.get(oid);
      if (!bytes) throw new HttpError(404, 'Object not found', 'EntryNotFound');
      return sendFile(req, res, bytes, oid);
    }
    if (method === 'POST' && kind === 'verify') return sendJson(res, 200, {});
    throw new HttpError(404, 'Unknown LFS storage route');
  }

  return { preupload, lfsBatch, lfsStorage };
}
