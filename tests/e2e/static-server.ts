/**
 * A small static file server for the deployment specs: folders served at address prefixes, as a
 * course site or GitHub Pages would serve them (a folder's address serves its index.html), and
 * 404 for anything else. It records every answer, so a spec can check what the page asked for.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface Mount {
  /** The address prefix, with its trailing slash: "/some/sub/path/". */
  readonly prefix: string;
  /** The folder served there, an absolute path. */
  readonly dir: string;
}

export interface Served {
  readonly path: string;
  readonly status: number;
}

export interface StaticServer {
  /** "http://127.0.0.1:<port>". */
  readonly origin: string;
  /** What the server answered, request by request. */
  readonly served: readonly Served[];
  close(): Promise<void>;
}

export async function startStaticServer(mounts: readonly Mount[]): Promise<StaticServer> {
  // The longest prefix wins: /course/raftlab/ before /course/.
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const served: Served[] = [];
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const answer = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      served.push({ path, status });
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    };
    const mount = ordered.find((candidate) => path.startsWith(candidate.prefix));
    if (request.method !== 'GET' || mount === undefined) return answer(404, 'not found');
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice(mount.prefix.length));
    } catch {
      return answer(400, 'bad address');
    }
    const root = mount.dir.endsWith(sep) ? mount.dir : mount.dir + sep;
    const file = resolve(root, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    if (!file.startsWith(root)) return answer(404, 'not found');
    try {
      answer(200, await readFile(file), contentTypes[extname(file)] ?? 'application/octet-stream');
    } catch {
      answer(404, 'not found');
    }
  };
  const server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
