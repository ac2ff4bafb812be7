// A page loader writes the key content into the HTML (dashboards/data/lib/page-loader.ts); once
// the page's JavaScript runs, its interactive version takes the place of the written one.

/** Takes out the block `id` the page loader wrote and gives back `node`, to display in its place. */
export function replaceStatic(id, node) {
  document.getElementById(id)?.remove();
  return node;
}
