import type { Suggestion } from '../diagnostic.js';
import { CONFIG_LIMITS } from '../reference/spaces.js';
import { sourceOf } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

const UNIT_WORDS: Record<string, 's' | 'm' | 'h'> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
};
const UNIT_MINUTES = { s: 1 / 60, m: 1, h: 60 };

export default defineRule({
  meta: {
    id: 'config-startup-duration-timeout',
    category: 'config',
    description: '`startup_duration_timeout` is a duration such as `1h` or `45m`.',
    hasSuggestions: true,
    messages: {
      number: {
        level: 'error',
        text: '`startup_duration_timeout: {{raw}}` has no unit: write a duration such as `1h` or `45m` (the default is 30 minutes).',
      },
      format: { level: 'error', text: '`startup_duration_timeout: {{value}}` is not a duration{{hint}}: use a number with s, m or h, like `1h` or `45m`.' },
      wrongType: { level: 'error', text: '`startup_duration_timeout` must be a duration string such as `1h`, not {{actual}}.' },
      short: {
        level: 'info',
        text: '`startup_duration_timeout: {{value}}` is shorter than the default of {{default}} minutes: a cold start that downloads models may exceed it and be marked unhealthy.',
      },
    },
    docs: {
      rationale:
        '"Set a custom startup duration timeout for your Space. This is the maximum time your Space is allowed to start before it times out and is flagged as unhealthy. Defaults to 30 minutes, but any valid duration (like `1h`, `30m`) is acceptable." (https://huggingface.co/docs/hub/spaces-config-reference). The grammar is not documented: the accepted pattern `^(\\d+(\\.\\d+)?(s|m|h))+$` (so `1h30m` too) is spacelint\'s reading of the examples and can be replaced with the `pattern` option. A bare number is ambiguous (seconds? minutes?), so it is an error; the suggestions read it as seconds and as minutes, whichever is more plausible first. Spelled-out units (`90min`, `1 hour`) get a suggestion with the short form. A value under the 30-minute default is allowed but only an info: shortening it makes a cold start that downloads models more likely to be flagged unhealthy (spacelint\'s judgement).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nstartup_duration_timeout: 3600\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nstartup_duration_timeout: 90min\n---\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nstartup_duration_timeout: 1h\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nstartup_duration_timeout: 45m\n---\n' },
      ],
      howToFix: 'Write a number followed by s, m or h (`1h`, `90m`).',
      options: '`pattern`: a regular expression (string) that replaces the accepted duration grammar.',
    },
  },
  check(space, report, options) {
    const e = frontMatterOf(space)?.byKey.get('startup_duration_timeout');
    if (!e?.valueNode || e.value === null) return;
    const node = e.valueNode;
    const range = node.range;
    if (typeof e.value === 'number') {
      report({ messageId: 'number', data: { raw: sourceOf(space, node) }, file: README, range, suggestions: numberSuggestions(e.value, range) });
      return;
    }
    if (typeof e.value !== 'string') {
      report({ messageId: 'wrongType', data: { actual: Array.isArray(e.value) ? 'a list' : typeof e.value === 'object' ? 'a mapping' : String(e.value) }, file: README, range });
      return;
    }
    const value = e.value.trim();
    const pattern = typeof options.pattern === 'string' ? safeRegExp(options.pattern) : undefined;
    const accepted = (pattern ?? new RegExp(CONFIG_LIMITS.startupTimeoutPattern)).test(value);
    if (!accepted) {
      if (/^\d+(\.\d+)?$/.test(value)) {
        report({ messageId: 'number', data: { raw: value }, file: README, range, suggestions: numberSuggestions(Number(value), range) });
        return;
      }
      const normalized = normalizeDuration(value);
      report({
        messageId: 'format',
        data: { value, hint: normalized ? ` (did you mean \`${normalized}\`?)` : '' },
        file: README,
        range,
        suggestions: normalized ? [{ desc: `Use \`${normalized}\``, fix: { range, text: normalized } }] : [],
      });
      return;
    }
    const minutes = durationMinutes(value);
    if (minutes !== undefined && minutes < CONFIG_LIMITS.startupTimeoutDefaultMinutes) {
      report({ messageId: 'short', data: { value, default: CONFIG_LIMITS.startupTimeoutDefaultMinutes }, file: README, range });
    }
  },
});

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Minutes in `1h30m`, `45m`, `90s`; undefined when the text is not in that form. */
export function durationMinutes(value: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(value))) {
    total += Number(m[1]) * UNIT_MINUTES[m[2] as 's' | 'm' | 'h'];
    end = re.lastIndex;
  }
  return end === value.length && end > 0 ? total : undefined;
}

/** `90min` → `90m`, `1 hour` → `1h`, `2 Hours` → `2h`. */
function normalizeDuration(value: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(value);
  const unit = m && UNIT_WORDS[m[2].toLowerCase()];
  return unit ? `${m[1]}${unit}` : undefined;
}

/** A bare number read as seconds and as minutes; the likelier reading first. */
function numberSuggestions(n: number, range: [number, number]): Suggestion[] {
  if (!Number.isFinite(n) || n <= 0) return [];
  const asSeconds = n % 3600 === 0 ? `${n / 3600}h` : n % 60 === 0 ? `${n / 60}m` : `${n}s`;
  const asMinutes = n % 60 === 0 ? `${n / 60}h` : `${n}m`;
  const seconds: Suggestion = { desc: `Use \`${asSeconds}\` (${n} seconds)`, fix: { range, text: asSeconds } };
  const minutes: Suggestion = { desc: `Use \`${asMinutes}\` (${n} minutes)`, fix: { range, text: asMinutes } };
  // Under 5 minutes of seconds is an unlikely start-up budget: small numbers are probably minutes.
  return n >= 300 ? [seconds, minutes] : [minutes, seconds];
}
