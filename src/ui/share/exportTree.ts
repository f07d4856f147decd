import { addTextChunks, asciiJson } from './pngText';
import type { Moment } from '../../app/moment';

/** Style properties that the app's CSS sets on the tree and a standalone SVG must carry. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** Canvas sides above this fail in some browsers: a very wide tree is drawn smaller. */
const MAX_CANVAS = 8192;

/** Room around the tree in an export, in tree units (pixels at zoom 1). */
const PAD = 24;

/** Whole-tree exports are drawn at zoom 1: the level of detail of a zoomed-out view is undone. */
const FAR_CLASS = 'lod-far';

/**
 * The whole tree (every card shown, not only what the view shows) at zoom 1 as a standalone SVG
 * document: the live SVG cloned with the computed styles inlined (the app's stylesheet and CSS
 * variables do not travel with the file).
 */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const viewport = svg.querySelector<SVGGElement>('g.viewport');
  const box = viewport?.getBBox();
  const far = svg.classList.contains(FAR_CLASS);
  // Styles are read with the texts shown, whatever the zoom; the class comes back after.
  if (far) svg.classList.remove(FAR_CLASS);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    dst[i].setAttribute('style', style);
  });
  if (far) svg.classList.add(FAR_CLASS);
  const view =
    box && box.width > 0
      ? { x: box.x - PAD, y: box.y - PAD, w: box.width + 2 * PAD, h: box.height + 2 * PAD }
      : { x: 0, y: 0, w: svg.clientWidth, h: svg.clientHeight };
  clone.querySelector('g.viewport')?.removeAttribute('transform');
  const width = Math.max(1, Math.ceil(view.w));
  const height = Math.max(1, Math.ceil(view.h));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${view.x} ${view.y} ${width} ${height}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(view.x));
  bg.setAttribute('y', String(view.y));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#fff');
  clone.insertBefore(bg, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * The tree as a PNG that carries its moment: `crviz-scenario` holds the scenario JSON and
 * `crviz-moment` the cursor, selection and restart parameters, so dropping it back reopens it.
 */
export async function treePng(svg: SVGSVGElement, moment: Moment): Promise<Uint8Array> {
  const { markup, width, height } = svgMarkup(svg);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  // Sharp on slides and high-density screens, within what a canvas can hold.
  const scale = Math.min(2, MAX_CANVAS / width, MAX_CANVAS / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.scale(scale, scale);
  g.drawImage(img, 0, 0);
  const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  const { scenarioText, ...rest } = moment;
  return addTextChunks(new Uint8Array(await blob.arrayBuffer()), {
    'crviz-scenario': asciiJson(JSON.parse(scenarioText)),
    'crviz-moment': asciiJson(rest),
  });
}
