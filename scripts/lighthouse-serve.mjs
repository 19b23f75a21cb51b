// Serves a built copy of the game for scripts/lighthouse.sh, as a static
// host would: on 127.0.0.1 on a free port, with the right MIME types and
// the headers the build wrote to its _headers file. Prints the URL, then
// serves until it is stopped. Usage: node scripts/lighthouse-serve.mjs DIR
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(process.argv[2] ?? "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

// _headers (Netlify / Cloudflare Pages style): a path pattern on its own
// line, then indented "Name: value" lines; a trailing * matches any rest.
const rules = [];
const headersFile = await readFile(join(root, "_headers"), "utf8").catch(() => "");
for (const line of headersFile.split("\n")) {
  if (!line.trim() || line.trim().startsWith("#")) continue;
  const header = line.match(/^\s+([^:]+):\s*(.*)$/);
  if (header) rules.at(-1)?.headers.push([header[1].trim(), header[2].trim()]);
  else rules.push({ pattern: line.trim(), headers: [] });
}
const headersFor = (path) =>
  rules
    .filter(({ pattern }) => (pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern))
    .flatMap((r) => r.headers);

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, [
      ["content-type", TYPES[extname(file)] ?? "application/octet-stream"],
      ...headersFor(path),
    ].flat());
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}/`));
