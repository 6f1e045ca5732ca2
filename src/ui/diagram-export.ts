/**
 * The space-time diagram as a file for slides: SVG (the drawing itself, made standalone: its
 * colours resolved, a background, a title) or PNG at a chosen scale (the SVG drawn on a canvas).
 * The drawing uses presentation attributes and currentColor only, so the file looks as the
 * screen does without the page's style sheets.
 */

/** A standalone SVG document of `svg`, with the colours it has on screen. */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('color', style.color);
  copy.setAttribute('font-family', style.fontFamily);
  copy.removeAttribute('class');
  const ns = 'http://www.w3.org/2000/svg';
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg));
  const heading = document.createElementNS(ns, 'title');
  heading.textContent = title;
  copy.insertBefore(background, copy.firstChild);
  copy.insertBefore(heading, copy.firstChild);
  let text = new XMLSerializer().serializeToString(copy);
  // The serializer names the SVG namespace for an element in it; say it if it did not.
  // i18n-exempt: SVG markup, not words.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  // i18n-exempt: the XML declaration.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/** The first background colour that is not transparent, from the element up. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/** The SVG drawn at `scale` (2 for slides) as a PNG. */
export async function pngOf(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('the canvas made no PNG')) : resolve(blob)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
