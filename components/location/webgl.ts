// Whether this browser can draw MapLibre's WebGL map at all (WebGL 2, or WebGL 1 as MapLibre
// still accepts). Asked before loading the library, so a browser without it gets the site plan
// or the list at once, not a grey box and a console error.
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  } catch {
    return false;
  }
}
