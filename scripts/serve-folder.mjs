// Serves a folder of built files as a static host would, on 127.0.0.1 on a
// free port: for the end-to-end tests (tests/e2e/harness.mjs) and for the
// Lighthouse audit (scripts/lighthouse-serve.mjs). Only node's own modules.
import { createServer } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * The headers a build's `_headers` file (Netlify / Cloudflare Pages style:
 * a path pattern on its own line, then indented "Name: value" lines; a
 * trailing * matches any rest) gives each path.
 */
async function headersFile(root) {
  const rules = [];
  const text = await readFile(join(root, "_headers"), "utf8").catch(() => "");
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const header = line.match(/^\s+([^:]+):\s*(.*)$/);
    if (header) rules.at(-1)?.headers.push([header[1].trim(), header[2].trim()]);
    else rules.push({ pattern: line.trim(), headers: [] });
  }
  return (path) =>
    rules
      .filter(({ pattern }) => (pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern))
      .flatMap((r) => r.headers);
}

/**
 * Serves `folder`; with `headers`, also sends what its `_headers` file
 * says; with `compress`, sends text and WebAssembly brotli-compressed to a
 * browser that accepts it, as a compressing host does; `requests`, if
 * given, gets the path of every request (for a test that counts what a
 * browser fetched). Resolves to { url, setDown, setTrouble, setSplit,
 * close }.
 */
export async function serveFolder(folder, { headers = false, compress = false, requests = null } = {}) {
  const root = resolve(folder);
  let down = false;
  let trouble = null;
  let split = null;
  const headersFor = headers ? await headersFile(root) : () => [];
  // Each file compressed once, at the strongest setting, as a host that
  // compresses ahead of time would.
  const compressed = new Map();
  const brotli = (file, body) => {
    if (!compressed.has(file)) {
      compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    return compressed.get(file);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests?.push(path);
    // A network that is down: the connection drops, as offline.
    if (down) {
      req.socket.destroy();
      return;
    }
    // A file the server is made to hang on (never answered) or fail.
    if (trouble?.pattern.test(path)) {
      if (trouble.how === "fail") res.writeHead(503, { "content-type": "text/plain" }).end("unavailable");
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const sent = [["content-type", type], ...headersFor(path)];
      if (compress && extname(file) !== ".png") {
        sent.push(["vary", "accept-encoding"]);
        if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
          body = brotli(file, body);
          sent.push(["content-encoding", "br"]);
        }
      }
      res.writeHead(200, sent.flat());
      // A page sent in two pieces, a pause between them, as over a slow
      // network: the first piece ends where `at` begins.
      const pieces = split?.path === path && !compress ? split : null;
      const cut = pieces ? body.indexOf(pieces.at) : -1;
      if (cut > 0) {
        res.write(body.subarray(0, cut));
        await new Promise((ok) => setTimeout(ok, pieces.ms));
        body = body.subarray(cut);
      }
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Takes the network down (every request dropped), or back up. */
    setDown: (is) => {
      down = is;
    },
    /**
     * Makes the server hang on (`how` "hang": never answer) or fail (`how`
     * "fail": 503) every path matching `pattern`; `null` for none.
     */
    setTrouble: (pattern, how = "hang") => {
      trouble = pattern && { pattern, how };
    },
    /**
     * Sends `path` (not compressed) in two pieces, the second from the
     * first `at` in it, `ms` after the first; `null` for whole files.
     */
    setSplit: (path, at, ms) => {
      split = path && { path, at, ms };
    },
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}
