/**
 * What a new Space takes as input, read from a plain description such as "PDF up to 50 pages" or
 * "an image and a text prompt". Each kind knows its Gradio component, the Python that checks and reads it,
 * and what it needs installed. Unknown descriptions fall back to a text box.
 */
export type InputKind = 'pdf' | 'image' | 'audio' | 'video' | 'table' | 'text';

export interface InputLimits {
  /** "up to 50 pages" (PDF). */
  maxPages?: number;
  /** "up to 10 MB" (any uploaded file). */
  maxMegabytes?: number;
  /** "up to 2000 characters" / "words" (text). */
  maxCharacters?: number;
  maxWords?: number;
}

export interface InputSpec {
  kinds: InputKind[];
  limits: InputLimits;
  /** The description as given, for the README and the UI. */
  description?: string;
}

const KIND_WORDS: [InputKind, RegExp][] = [
  ['pdf', /\b(pdfs?|documents?|papers?)\b/i],
  ['image', /\b(images?|photos?|pictures?|png|jpe?g|webp|screenshots?)\b/i],
  ['audio', /\b(audio|sound|speech|voice|recordings?|mp3|wav|podcasts?)\b/i],
  ['video', /\b(videos?|mp4|movies?|clips?)\b/i],
  ['table', /\b(csv|tables?|spreadsheets?|tabular)\b/i],
  ['text', /\b(text|prompts?|questions?|sentences?|paragraphs?|messages?)\b/i],
];

/** Parses the free-text description of the inputs; never throws. */
export function parseInputs(description: string | undefined): InputSpec {
  const text = description?.trim() ?? '';
  const kinds: InputKind[] = [];
  for (const [kind, pattern] of KIND_WORDS) if (pattern.test(text)) kinds.push(kind);
  if (kinds.length === 0) kinds.push('text');
  const limits: InputLimits = {};
  const number = (pattern: RegExp): number | undefined => {
    const m = pattern.exec(text);
    const n = m ? Number.parseInt(m[1].replace(/[,_]/g, ''), 10) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  limits.maxPages = number(/(\d[\d,_]*)\s*pages?\b/i);
  const mb = number(/(\d[\d,_]*)\s*(?:mb|megabytes?)\b/i);
  const gb = number(/(\d[\d,_]*)\s*(?:gb|gigabytes?)\b/i);
  limits.maxMegabytes = mb ?? (gb ? gb * 1024 : undefined);
  limits.maxCharacters = number(/(\d[\d,_]*)\s*(?:characters?|chars?)\b/i);
  limits.maxWords = number(/(\d[\d,_]*)\s*words?\b/i);
  for (const key of Object.keys(limits) as (keyof InputLimits)[]) if (limits[key] === undefined) delete limits[key];
  return { kinds, limits, description: text || undefined };
}

/** Short human name of a kind, for labels and descriptions. */
export const KIND_LABELS: Record<InputKind, string> = {
  pdf: 'PDF',
  image: 'image',
  audio: 'audio',
  video: 'video',
  table: 'CSV table',
  text: 'text',
};

/** Emoji for the README by the first input kind (the `emoji` key takes one emoji). */
export const KIND_EMOJI: Record<InputKind, string> = {
  pdf: '📄',
  image: '📷',
  audio: '🎧',
  video: '🎬',
  table: '📊',
  text: '💬',
};
