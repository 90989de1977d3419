/** ANSI colors for terminals; off for --no-color, NO_COLOR, and when the stream is not a TTY (FORCE_COLOR wins). */
export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function colorsFor(stream: NodeJS.WriteStream, noColor: boolean): Colors {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = !noColor && (forced || (stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb'));
  const id = (s: string) => s;
  if (!on) return { red: id, yellow: id, blue: id, green: id, dim: id, bold: id, underline: id };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}
