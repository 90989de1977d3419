import type { InputSpec } from './inputs.js';
import { KIND_LABELS } from './inputs.js';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ACCEPT: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  image: 'image/*',
  audio: 'audio/*',
  video: 'video/*',
  table: '.csv,text/csv',
};

/**
 * index.html of a static Space: served as is, with no server code, so every input is handled in the
 * visitor's browser.
 */
export function staticSite(title: string, description: string, inputs: InputSpec): string {
  const fields: string[] = [];
  for (const kind of inputs.kinds) {
    if (kind === 'text') {
      fields.push(`      <label>Text <textarea id="text" rows="4"></textarea></label>`);
    } else {
      fields.push(`      <label>${html(KIND_LABELS[kind])} <input type="file" data-kind="${kind}" accept="${ACCEPT[kind]}"></label>`);
    }
  }
  const maxMb = inputs.limits.maxMegabytes;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${html(title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
      label { display: block; margin: 1rem 0; }
      textarea, input { display: block; width: 100%; margin-top: .25rem; }
      output { display: block; white-space: pre-wrap; margin-top: 1rem; }
    </style>
  </head>
  <body>
    <h1>${html(title)}</h1>
    <p>${html(description)}</p>
    <form id="form">
${fields.join('\n')}
      <button type="submit">Run</button>
    </form>
    <output id="result"></output>
    <script>
      // Static Spaces have no server: everything below runs in the visitor's browser.
      const MAX_UPLOAD_MB = ${maxMb ?? 'null'};
      document.getElementById("form").addEventListener("submit", (event) => {
        event.preventDefault();
        const parts = [];
        for (const input of document.querySelectorAll("input[type=file]")) {
          const file = input.files[0];
          if (!file) { parts.push("Choose a " + input.dataset.kind + " file first."); continue; }
          const mb = file.size / (1024 * 1024);
          if (MAX_UPLOAD_MB !== null && mb > MAX_UPLOAD_MB) { parts.push(file.name + " is " + mb.toFixed(1) + " MB; the limit is " + MAX_UPLOAD_MB + " MB."); continue; }
          parts.push(file.name + ": " + file.size + " bytes.");
        }
        const text = document.getElementById("text");
        if (text) parts.push(text.value.trim() ? "Text: " + text.value.trim().split(/\\s+/).length + " words." : "Enter some text first.");
        document.getElementById("result").textContent = parts.join("\\n");
      });
    </script>
  </body>
</html>
`;
}
