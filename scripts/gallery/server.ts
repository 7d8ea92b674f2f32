/** A tiny static file server for the built gallery, on 127.0.0.1 and a free port. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

export interface StaticServer {
    url: string;
    close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<StaticServer> {
    const server: Server = createServer((request, response) => {
        const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
        const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
        if (!file.startsWith(root + sep) && file !== root) {
            response.writeHead(403).end();
            return;
        }
        readFile(file).then(
            (body) =>
                response
                    .writeHead(200, {
                        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
                        // Each run serves on a new port (a new origin), so nothing cached can be stale; the
                        // renderer's pages share one cache, and the 7 MB bundle's compiled code with it.
                        'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600'
                    })
                    .end(body),
            () => response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`)
        );
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve()))
    };
}
