/**
 * Renders a rule page (core's renderRuleDoc Markdown: headings, paragraphs, lists, fenced code, tables,
 * inline code, bold, links) as DOM nodes. Text goes in with textContent only, so nothing in a rule's
 * metadata can become markup.
 */
export function renderMarkdown(markdown: string, into: HTMLElement): void {
  into.replaceChildren();
  const lines = markdown.split('\n');
  let i = 0;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) into.append(block('p', paragraph.join(' ')));
    paragraph = [];
  };
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^(`{3,})(\w*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== fence[1]) body.push(lines[i++]);
      i++;
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = body.join('\n');
      if (fence[2]) code.dataset.lang = fence[2];
      pre.append(code);
      into.append(pre);
      continue;
    }
    if (/^<!--.*-->$/.test(line.trim())) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      into.append(block(`h${Math.min(heading[1].length + 1, 5)}`, heading[2]));
      i++;
      continue;
    }
    if (/^\s*-\s+/.test(line)) {
      flush();
      const list = document.createElement('ul');
      while (i < lines.length && /^\s*-\s+/.test(lines[i])) list.append(block('li', lines[i++].replace(/^\s*-\s+/, '')));
      into.append(list);
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      const table = document.createElement('table');
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(splitRow(lines[i++]));
      rows.forEach((cells, r) => {
        if (r === 1 && cells.every((c) => /^-+$/.test(c))) return;
        const tr = document.createElement('tr');
        for (const cell of cells) tr.append(block(r === 0 ? 'th' : 'td', cell));
        table.append(tr);
      });
      into.append(table);
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
    i++;
  }
  flush();
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let k = 0; k < body.length; k++) {
    if (body[k] === '\\' && body[k + 1] === '|') {
      current += '|';
      k++;
    } else if (body[k] === '|') {
      cells.push(current.trim());
      current = '';
    } else current += body[k];
  }
  cells.push(current.trim());
  return cells;
}

function block(tag: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  appendInline(el, text);
  return el;
}

/** `code`, **bold** and [text](https://…) links; everything else is plain text. */
function appendInline(into: HTMLElement, text: string): void {
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    into.append(text.slice(last, m.index));
    if (m[1] !== undefined) {
      const code = document.createElement('code');
      code.textContent = m[1];
      into.append(code);
    } else if (m[2] !== undefined) {
      const strong = document.createElement('strong');
      strong.textContent = m[2];
      into.append(strong);
    } else {
      const a = document.createElement('a');
      a.textContent = m[3];
      a.href = m[4];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      into.append(a);
    }
    last = m.index + m[0].length;
  }
  into.append(text.slice(last));
}
