// Serves a built copy of the game for scripts/lighthouse.sh, as a static
// host would, with the headers the build wrote to its _headers file.
// Prints the URL, then serves until it is stopped.
// Usage: node scripts/lighthouse-serve.mjs DIR
import { serveFolder } from "./serve-folder.mjs";

const { url } = await serveFolder(process.argv[2] ?? "dist", { headers: true });
console.log(url);
