import { addTextChunks, asciiJson } from './pngText';
import type { Moment } from './linkCodec';

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

/**
 * The tree as a standalone SVG document: the live SVG cloned with the computed styles inlined
 * (the app's stylesheet and CSS variables do not travel with the file).
 */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const width = Math.max(1, Math.round(svg.clientWidth));
  const height = Math.max(1, Math.round(svg.clientHeight));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    dst[i].setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
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
  const scale = 2; // sharp on slides and high-density screens
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
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
