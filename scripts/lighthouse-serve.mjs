// Serves a built copy of the game for scripts/lighthouse.sh, as a static
// host would, with the headers the build wrote to its _headers file.
// Prints the URL, then serves until it is stopped. With --compress, it
// compresses as most hosts do (brotli); without, it sends every file as it
// is, as a school's own server or a shared drive may.
// Usage: node scripts/lighthouse-serve.mjs DIR [--compress]
import { serveFolder } from "./serve-folder.mjs";

const { url } = await serveFolder(process.argv[2] ?? "dist", { headers: true, compress: process.argv.includes("--compress") });
console.log(url);
