import type { InputKind, InputSpec } from './inputs.js';
import { KIND_LABELS } from './inputs.js';

/** What shapes the generated app.py. */
export interface PythonAppOptions {
  title: string;
  description: string;
  inputs: InputSpec;
  /** Secret names the app reads from the environment (Space secrets). */
  secrets: string[];
  /** ZeroGPU: `import spaces` first and the handler decorated with `@spaces.GPU(duration=...)`. */
  zeroGpuDuration?: number;
  /** Keep the Hugging Face cache and app data on the /data volume. */
  persistentData: boolean;
  /** Docker Spaces run the app themselves: bind 0.0.0.0:7860 explicitly. */
  docker: boolean;
}

interface KindCode {
  param: string;
  type: string;
  component: string;
  /** Body lines (4-space indented) that check the input and append a line to `parts`. */
  body: string[];
  imports: string[];
  /** Python packages to list in requirements.txt (never gradio/spaces/huggingface_hub: the SDK installs them). */
  requirements: string[];
  /** Debian packages the input needs at run time. */
  apt: string[];
  usesOs?: boolean;
  file?: boolean;
}

function kindCode(kind: InputKind, spec: InputSpec): KindCode {
  const sizeCheck = (param: string) => (spec.limits.maxMegabytes ? [`    check_size(${param})`] : []);
  switch (kind) {
    case 'pdf':
      return {
        param: 'pdf_path',
        type: 'str',
        component: 'gr.File(label="PDF", file_types=[".pdf"], type="filepath")',
        imports: ['from pypdf import PdfReader'],
        requirements: ['pypdf==7.1.0'],
        apt: [],
        file: true,
        body: [
          '    if not pdf_path:',
          '        raise gr.Error("Upload a PDF first.")',
          ...sizeCheck('pdf_path'),
          '    reader = PdfReader(pdf_path)',
          ...(spec.limits.maxPages ? ['    if len(reader.pages) > MAX_PAGES:', '        raise gr.Error(f"This PDF has {len(reader.pages)} pages; the limit is {MAX_PAGES}.")'] : []),
          String.raw`    pdf_text = "\n\n".join(page.extract_text() or "" for page in reader.pages)`,
          String.raw`    parts.append(f"PDF: {len(reader.pages)} pages, {len(pdf_text)} characters of text.\n\n{pdf_text[:2000]}")`,
        ],
      };
    case 'image':
      return {
        param: 'image_path',
        type: 'str',
        component: 'gr.Image(label="Image", type="filepath")',
        imports: ['from PIL import Image'],
        requirements: ['pillow'],
        apt: [],
        file: true,
        body: [
          '    if not image_path:',
          '        raise gr.Error("Upload an image first.")',
          ...sizeCheck('image_path'),
          '    with Image.open(image_path) as image:',
          '        parts.append(f"Image: {image.width}x{image.height} pixels, mode {image.mode}.")',
        ],
      };
    case 'audio':
    case 'video': {
      const param = `${kind}_path`;
      return {
        param,
        type: 'str',
        component: kind === 'audio' ? 'gr.Audio(label="Audio", type="filepath")' : 'gr.Video(label="Video")',
        imports: [],
        requirements: [],
        // Gradio converts and previews audio and video with ffmpeg.
        apt: ['ffmpeg'],
        usesOs: true,
        file: true,
        body: [
          `    if not ${param}:`,
          `        raise gr.Error("Upload ${kind === 'audio' ? 'or record audio' : 'a video'} first.")`,
          ...sizeCheck(param),
          `    parts.append(f"${kind === 'audio' ? 'Audio' : 'Video'}: {os.path.basename(${param})}, {os.path.getsize(${param})} bytes.")`,
        ],
      };
    }
    case 'table':
      return {
        param: 'table_path',
        type: 'str',
        component: 'gr.File(label="CSV table", file_types=[".csv"], type="filepath")',
        imports: ['import csv'],
        requirements: [],
        apt: [],
        file: true,
        body: [
          '    if not table_path:',
          '        raise gr.Error("Upload a CSV file first.")',
          ...sizeCheck('table_path'),
          '    with open(table_path, newline="", encoding="utf-8") as handle:',
          '        rows = list(csv.reader(handle))',
          '    parts.append(f"Table: {len(rows)} rows, {len(rows[0]) if rows else 0} columns.")',
        ],
      };
    case 'text':
      return {
        param: 'text',
        type: 'str',
        component: 'gr.Textbox(label="Text", lines=4)',
        imports: [],
        requirements: [],
        apt: [],
        body: [
          '    if not text or not text.strip():',
          '        raise gr.Error("Enter some text first.")',
          ...(spec.limits.maxCharacters ? ['    if len(text) > MAX_CHARACTERS:', '        raise gr.Error(f"The text has {len(text)} characters; the limit is {MAX_CHARACTERS}.")'] : []),
          ...(spec.limits.maxWords ? ['    if len(text.split()) > MAX_WORDS:', '        raise gr.Error(f"The text has {len(text.split())} words; the limit is {MAX_WORDS}.")'] : []),
          '    parts.append(f"Text: {len(text.split())} words.")',
        ],
      };
  }
}

export interface PythonApp {
  appPy: string;
  requirements: string[];
  apt: string[];
}

/** A Python string literal (JSON string syntax is valid Python). */
const py = (s: string) => JSON.stringify(s);

/** app.py of a Gradio app (Gradio SDK, or run by a Dockerfile) that follows the Spaces rules. */
export function pythonApp(o: PythonAppOptions): PythonApp {
  const kinds = o.inputs.kinds.map((k) => kindCode(k, o.inputs));
  const usesOs = o.persistentData || o.secrets.length > 0 || kinds.some((k) => k.usesOs) || (o.inputs.limits.maxMegabytes !== undefined && kinds.some((k) => k.file));
  const lines: string[] = [];
  const blocks: string[][] = [];
  if (o.persistentData) {
    blocks.push([
      'import os',
      '',
      '# Persistent data: the Hugging Face cache lives on the /data volume, so downloads survive restarts.',
      '# huggingface_hub reads HF_HOME once, when it is first imported: set it before any other import.',
      'os.environ.setdefault("HF_HOME", "/data/.huggingface")',
    ]);
  }
  if (o.zeroGpuDuration !== undefined) blocks.push(['import spaces  # ZeroGPU: import before torch or any library that may initialise CUDA']);
  const stdlib = new Set<string>();
  if (usesOs && !o.persistentData) stdlib.add('import os');
  if (o.persistentData) ['import json', 'import time', 'from pathlib import Path'].forEach((i) => stdlib.add(i));
  const third = new Set<string>(['import gradio as gr']);
  for (const k of kinds) for (const i of k.imports) (i === 'import csv' ? stdlib : third).add(i);
  const order = (a: string, b: string) => a.replace(/^from (\S+) import/, 'import $1').localeCompare(b.replace(/^from (\S+) import/, 'import $1'));
  if (stdlib.size) blocks.push([...stdlib].sort(order));
  blocks.push([...third].sort(order));
  blocks.forEach((block, i) => lines.push(...(i ? [''] : []), ...block));
  lines.push('');
  lines.push(`TITLE = ${py(o.title)}`);
  lines.push(`DESCRIPTION = ${py(o.description)}`);
  if (o.inputs.limits.maxPages && o.inputs.kinds.includes('pdf')) lines.push(`MAX_PAGES = ${o.inputs.limits.maxPages}`);
  if (o.inputs.limits.maxMegabytes && kinds.some((k) => k.file)) lines.push(`MAX_UPLOAD_MB = ${o.inputs.limits.maxMegabytes}`);
  if (o.inputs.limits.maxCharacters && o.inputs.kinds.includes('text')) lines.push(`MAX_CHARACTERS = ${o.inputs.limits.maxCharacters}`);
  if (o.inputs.limits.maxWords && o.inputs.kinds.includes('text')) lines.push(`MAX_WORDS = ${o.inputs.limits.maxWords}`);
  if (o.persistentData) {
    lines.push('# A Storage Bucket mounted at /data (Space settings). Without it /data is not writable and nothing is saved.');
    lines.push('DATA_DIR = Path("/data")');
  }
  if (o.secrets.length) {
    lines.push('');
    lines.push('# Space secrets: add them in the Space settings. Never put their values in code or in the README.');
    lines.push(`SECRETS = {name: os.environ.get(name) for name in (${o.secrets.map(py).join(', ')}${o.secrets.length === 1 ? ',' : ''})}`);
  }
  if (o.inputs.limits.maxMegabytes && kinds.some((k) => k.file)) {
    lines.push('', '');
    lines.push('def check_size(path: str) -> None:');
    lines.push('    """Refuses an upload over the size limit before reading it."""');
    lines.push('    size_mb = os.path.getsize(path) / (1024 * 1024)');
    lines.push('    if size_mb > MAX_UPLOAD_MB:');
    lines.push('        raise gr.Error(f"The file is {size_mb:.1f} MB; the limit is {MAX_UPLOAD_MB} MB.")');
  }
  if (o.persistentData) {
    lines.push('', '');
    lines.push('def save_record(record: dict) -> None:');
    lines.push('    """Appends one line to the history on the persistent volume (skipped when /data is not mounted)."""');
    lines.push('    if not os.access(DATA_DIR, os.W_OK):');
    lines.push('        return');
    lines.push('    with open(DATA_DIR / "history.jsonl", "a", encoding="utf-8") as handle:');
    lines.push(String.raw`        handle.write(json.dumps(record) + "\n")`);
  }
  lines.push('', '');
  if (o.zeroGpuDuration !== undefined) {
    lines.push('# Load models at module level and move them to "cuda" here, not inside the decorated function.');
    lines.push('# `duration` is the GPU time requested per call, in seconds: keep it close to the real time,');
    lines.push("# since shorter requests get better queue priority and count against visitors' daily quota.");
    lines.push(`@spaces.GPU(duration=${o.zeroGpuDuration})`);
  }
  const params = kinds.map((k) => `${k.param}: ${k.type}`).join(', ');
  lines.push(`def process(${params}) -> str:`);
  const what = o.inputs.kinds.map((k) => KIND_LABELS[k]).join(', ');
  lines.push(`    """Checks the ${what} input and returns a summary. Replace the summary with your model or API call."""`);
  if (o.secrets.length) {
    lines.push('    missing = [name for name, value in SECRETS.items() if not value]');
    lines.push('    if missing:');
    lines.push('        raise gr.Error("Missing Space secret(s): " + ", ".join(missing) + ". Add them in the Space settings.")');
  }
  lines.push('    parts = []');
  for (const k of kinds) lines.push(...k.body);
  lines.push(String.raw`    result = "\n\n".join(parts)`);
  if (o.persistentData) lines.push('    save_record({"time": time.time(), "characters": len(result)})');
  lines.push('    return result');
  lines.push('', '');
  lines.push('demo = gr.Interface(');
  lines.push('    fn=process,');
  lines.push(kinds.length === 1 ? `    inputs=${kinds[0].component},` : `    inputs=[${kinds.map((k) => k.component).join(', ')}],`);
  lines.push('    outputs=gr.Textbox(label="Result", lines=12),');
  lines.push('    title=TITLE,');
  lines.push('    description=DESCRIPTION,');
  lines.push(')');
  lines.push('');
  lines.push('if __name__ == "__main__":');
  lines.push('    # A bounded queue: visitors beyond 20 waiting requests get a clear "queue is full" message.');
  lines.push(o.docker ? '    demo.queue(max_size=20).launch(server_name="0.0.0.0", server_port=7860)' : '    demo.queue(max_size=20).launch()');
  const requirements = [...new Set(kinds.flatMap((k) => k.requirements))].sort();
  const apt = [...new Set(kinds.flatMap((k) => k.apt))].sort();
  return { appPy: lines.join('\n') + '\n', requirements, apt };
}
