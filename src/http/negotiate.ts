// Content negotiation: whether an Accept header allows one of the media types a route produces.
export function accepts(header: string | undefined, produces: readonly string[]): boolean {
  if (!header || header.trim() === '') return true;
  const ranges = header.split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { range: range.trim(), q: q ? Number(q.slice(2)) : 1 };
  });
  return produces.some((type) => {
    const [t] = type.split('/');
    return ranges.some(({ range, q }) => q > 0 && (range === type || range === '*/*' || range === `${t}/*`));
  });
}
