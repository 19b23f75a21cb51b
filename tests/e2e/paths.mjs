// Every story's endings, and a way to each: read from the stories' own data
// (assets/stories), so that a story added as data is played to each of its
// endings with no test written for it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";

const STORIES = resolve(import.meta.dirname, "../../assets/stories");

/** The catalogue's stories, in order: `{ id, year, minutes, topics }`. */
export const CATALOGUE = parse(readFileSync(resolve(STORIES, "catalogue.toml"), "utf8")).stories;

/** Story `id`'s structure, as its story.toml says. */
export function structure(id) {
  return parse(readFileSync(resolve(STORIES, id, "story.toml"), "utf8"));
}

/**
 * For each ending of `story` (a structure), the shortest way there: the
 * choices to make, in order, as `{ scene, choice }`. Where Next leads
 * depends on the effect of the choice about the picture, so the walk is
 * over (scene, effect) pairs, as the build's own check walks them.
 */
export function waysToEndings(story) {
  const scenes = new Map(story.scenes.map((s) => [s.id, s]));
  const nextOf = (scene, effect) =>
    (scene.branches ?? []).find((b) => b.when.includes(effect))?.next ?? scene.next;
  const start = { scene: story.start, effect: "none", made: [] };
  const seen = new Set([`${start.scene} ${start.effect}`]);
  const ways = new Map();
  for (const queue = [start]; queue.length; ) {
    const { scene: id, effect, made } = queue.shift();
    const scene = scenes.get(id);
    if (scene.kind === "ending") {
      if (!ways.has(id)) ways.set(id, made);
      continue;
    }
    const steps = scene.choices?.length
      ? scene.choices.map((c) => ({
          scene: c.next,
          effect: c.effect && c.effect !== "none" ? c.effect : effect,
          made: [...made, { scene: id, choice: c.id }],
        }))
      : [{ scene: nextOf(scene, effect), effect, made }];
    for (const step of steps) {
      const key = `${step.scene} ${step.effect}`;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(step);
      }
    }
  }
  return ways;
}
