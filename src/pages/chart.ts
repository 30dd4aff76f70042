// Server-rendered SVG charts (no script, no inline style): bars for counts and sentence ranges, and the timeline of
// an article's texts. Each chart is decorative beside its text equivalent (a table), which the page always renders.
import { html, raw, type SafeHtml } from './html.js';

/** The frame every chart shares: decorative (aria-hidden), its title, its size. */
function svg(title: string, width: number, height: number, body: SafeHtml): SafeHtml {
  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-hidden="true"
    focusable="false"
  >
    <title>${title}</title>
    ${body}
  </svg>`;
}

export interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart; the caller renders the table with the same figures beside it. */
export function barChart(title: string, bars: readonly Bar[], unit = ''): SafeHtml {
  if (bars.length === 0) return html``;
  const row = 22;
  const left = 90;
  const width = 560;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const scale = (width - left - 60) / max;
  const height = bars.length * row + 10;
  return svg(
    title,
    width,
    height,
    html`
      ${bars.map(
        (b, i) =>
          html`<text x="${left - 6}" y="${i * row + 16}" text-anchor="end">${b.label}</text>
            <rect
              class="bar"
              x="${left}"
              y="${i * row + 4}"
              width="${Math.max(1, Math.round(b.value * scale))}"
              height="${row - 8}"
            ></rect>
            <text x="${left + Math.round(b.value * scale) + 6}" y="${i * row + 16}">${b.value}${unit}</text>`,
      )}
      <line class="axis" x1="${left}" y1="0" x2="${left}" y2="${height}"></line>
    `,
  );
}

export interface Range {
  label: string;
  min: number;
  median: number;
  max: number;
}

/** Ranges (lowest to highest, with a median tick), e.g. months of imprisonment per kind of sentence. */
export function rangeChart(title: string, ranges: readonly Range[], unit: string): SafeHtml {
  if (ranges.length === 0) return html``;
  const row = 28;
  const left = 170;
  const width = 560;
  const max = Math.max(...ranges.map((r) => r.max), 1);
  const x = (v: number) => left + Math.round((v / max) * (width - left - 70));
  const height = ranges.length * row + 24;
  return svg(
    title,
    width,
    height,
    html`
      ${ranges.map(
        (r, i) =>
          html`<text x="${left - 6}" y="${i * row + 18}" text-anchor="end">${r.label}</text>
            <rect
              class="bar"
              x="${x(r.min)}"
              y="${i * row + 8}"
              width="${Math.max(3, x(r.max) - x(r.min))}"
              height="${row - 14}"
            ></rect>
            <line
              class="axis"
              x1="${x(r.median)}"
              y1="${i * row + 3}"
              x2="${x(r.median)}"
              y2="${i * row + row - 1}"
            ></line>
            <text x="${Math.max(x(r.max), x(r.min) + 3) + 6}" y="${i * row + 18}"
              >${r.min === r.max ? r.min : `${r.min}–${r.max}`} ${unit}</text
            >`,
      )}
      <line class="axis" x1="${left}" y1="${height - 14}" x2="${width - 60}" y2="${height - 14}"></line>
      <text x="${left}" y="${height - 2}">0</text>
      <text x="${width - 60}" y="${height - 2}" text-anchor="end">${max} ${unit}</text>
    `,
  );
}

export interface Span {
  row: string;
  from: string;
  /** null: still in force. */
  to: string | null;
  unknown: boolean;
  title: string;
}

const yearOf = (d: string) => Number(d.slice(0, 4)) + (Number(d.slice(5, 7) || 1) - 1) / 12;

/** The texts of articles on a time axis: one row per article, one bar per text, unread periods hatched. */
export function timeline(title: string, spans: readonly Span[], today: string): SafeHtml {
  if (spans.length === 0) return html``;
  const rows = [...new Set(spans.map((s) => s.row))];
  const start = Math.floor(Math.min(...spans.map((s) => yearOf(s.from))));
  const end = Math.ceil(yearOf(today)) + 0.01;
  const left = 110;
  const width = 600;
  const row = 24;
  const x = (y: number) => left + Math.round(((y - start) / (end - start)) * (width - left - 10));
  const height = rows.length * row + 24;
  const ticks: number[] = [];
  const step = end - start > 20 ? 5 : 2;
  for (let y = Math.ceil(start / step) * step; y <= end; y += step) ticks.push(y);
  return svg(
    title,
    width,
    height,
    html`
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e6e6e6"></rect>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"></line>
        </pattern>
      </defs>
      ${rows.map((r, i) => html`<text x="${left - 6}" y="${i * row + 16}" text-anchor="end">${r}</text>`)}
      ${spans.map((s) => {
        const i = rows.indexOf(s.row);
        const x1 = x(yearOf(s.from));
        const x2 = x(s.to ? yearOf(s.to) : end);
        return html`<rect
          class="bar${s.unknown ? ' unknown' : ''}"
          ${s.unknown ? raw(' fill="url(#hatch)"') : ''}
          x="${x1}"
          y="${i * row + 4}"
          width="${Math.max(2, x2 - x1 - 1)}"
          height="${row - 8}"
          ><title>${s.title}</title></rect
        >`;
      })}
      ${ticks.map(
        (t) =>
          html`<line class="axis" x1="${x(t)}" y1="${height - 20}" x2="${x(t)}" y2="${height - 14}"></line>
            <text x="${x(t)}" y="${height - 2}" text-anchor="middle">${t}</text>`,
      )}
    `,
  );
}
