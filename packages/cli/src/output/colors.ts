import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Colours for one output stream: on when it is a terminal (or FORCE_COLOR is set), off when
 * NO_COLOR is set to anything non-empty (https://no-color.org) or TERM is dumb.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = !env.NO_COLOR && (forced || (Boolean(stream.isTTY) && env.TERM !== 'dumb'));
  return picocolors.createColors(enabled);
}
