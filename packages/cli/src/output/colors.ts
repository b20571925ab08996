import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Why picocolors and not node:util styleText: the CLI supports Node 20.0+, styleText exists from
 * 20.12 and only checks NO_COLOR / the stream itself from 22.13; picocolors (no dependencies,
 * used by PostCSS, Vite, …) lets us decide per stream, which tests can drive with fake streams.
 *
 * Colours for one output stream: on when it is a terminal (or FORCE_COLOR is set), off when
 * NO_COLOR is set to anything non-empty (https://no-color.org) or TERM is dumb.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = !env.NO_COLOR && (forced || (Boolean(stream.isTTY) && env.TERM !== 'dumb'));
  return picocolors.createColors(enabled);
}
