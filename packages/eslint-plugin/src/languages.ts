/**
 * ESLint 10 languages for the files of a Space. Each parses nothing of its own: the file is opened as part
 * of its Space (spaces.ts) and the AST is built from what core parsed there, so a README or a Python file
 * is parsed once for ESLint and every spacelint rule.
 */
import type { File, FileError, Language, OkParseResult, ParseResult } from '@eslint/core';
import { fileKind, LineIndex, parseFrontMatter, type Diagnostic } from '@spacelint/core';
import { VisitorKeys as yamlVisitorKeys } from 'yaml-eslint-parser';
import { SpaceSourceCode, type CommentNode, type RootNode, type RootType } from './source-code.js';
import { findingsOf, openSpaceFile, type SpaceLanguageOptions, type SpaceView } from './spaces.js';

export type LanguageName = 'readme' | 'python' | 'requirements' | 'packages' | 'dockerfile' | 'text';

const ROOT_TYPE: Record<LanguageName, RootType> = {
  readme: 'Readme',
  python: 'PythonFile',
  requirements: 'RequirementsFile',
  packages: 'PackagesFile',
  dockerfile: 'Dockerfile',
  text: 'TextFile',
};

/**
 * The README's traversal enters the front matter's YAML documents but not yaml-eslint-parser's `Program`
 * node: a JavaScript rule applied to every file by a config without `files` listens for `Program`.
 */
const YAML_KEYS = Object.fromEntries(Object.entries(yamlVisitorKeys).filter(([type]) => type.startsWith('YAML')));
const VISITOR_KEYS: Record<LanguageName, Record<string, string[]>> = {
  readme: { Readme: ['frontMatter'], ...YAML_KEYS },
  python: { PythonFile: [] },
  requirements: { RequirementsFile: [] },
  packages: { PackagesFile: [] },
  dockerfile: { Dockerfile: [] },
  text: { TextFile: [] },
};

type SpaceParseResult = OkParseResult<RootNode> & { view: SpaceView };

export class SpaceLanguage implements Language<{ LangOptions: SpaceLanguageOptions; Code: SpaceSourceCode; RootNode: RootNode; Node: unknown }> {
  readonly fileType = 'text';
  readonly lineStart = 1;
  /** Columns are 0-based, as in yaml-eslint-parser's nodes that the README AST holds. */
  readonly columnStart = 0;
  readonly nodeTypeKey = 'type';
  readonly defaultLanguageOptions: SpaceLanguageOptions = {};
  readonly visitorKeys: Record<string, string[]>;

  constructor(readonly name: LanguageName) {
    this.visitorKeys = VISITOR_KEYS[name];
  }

  validateLanguageOptions(options: SpaceLanguageOptions): void {
    const space = options.space;
    if (space === undefined) return;
    if (typeof space !== 'object' || space === null || typeof space.files !== 'object' || space.files === null) {
      throw new TypeError('Key "languageOptions": Key "space": Expected an object with `files` (repo-relative path → text).');
    }
    for (const [path, text] of Object.entries(space.files)) {
      if (typeof text !== 'string') throw new TypeError(`Key "languageOptions": Key "space": Key "files": "${path}" must be a string.`);
    }
    if (space.root !== undefined && typeof space.root !== 'string') throw new TypeError('Key "languageOptions": Key "space": Key "root": Expected a string.');
  }

  parse(file: File, context: { languageOptions: SpaceLanguageOptions }): ParseResult<RootNode> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const view = openSpaceFile({ path: file.path, physicalPath: file.physicalPath, text, bom: file.bom }, context.languageOptions ?? {});
    if (view.error) return { ok: false, errors: [{ message: view.error, line: 1, column: 1 }] };
    // A file that does not parse is a parsing error for ESLint, as for JavaScript; core's `parse-error`
    // finding (unless a directive or the Space config turned it off) says where and why.
    const parseErrors = findingsOf(view)?.get('parse-error');
    if (parseErrors?.length) return { ok: false, errors: parseErrors.map(toFileError) };
    const result: SpaceParseResult = { ok: true, ast: this.rootNode(view, text), view };
    return result;
  }

  createSourceCode(file: File, parsed: OkParseResult<RootNode>): SpaceSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new SpaceSourceCode({ text, ast: parsed.ast, view: (parsed as SpaceParseResult).view, visitorKeys: this.visitorKeys });
  }

  private rootNode(view: SpaceView, text: string): RootNode {
    const { space, path } = view;
    const lines = space?.lines(path) ?? new LineIndex(text);
    const end = lines.positionAt(text.length);
    const root: RootNode = {
      type: ROOT_TYPE[this.name],
      range: [0, text.length],
      loc: { start: { line: 1, column: 0 }, end: { line: end.line, column: end.column - 1 } },
      comments: [],
    };
    const comment = (value: string, range: [number, number]): CommentNode => {
      const a = lines.positionAt(range[0]);
      const b = lines.positionAt(range[1]);
      return { type: 'Comment', value, range, loc: { start: { line: a.line, column: a.column - 1 }, end: { line: b.line, column: b.column - 1 } } };
    };
    switch (this.name) {
      case 'readme': {
        const readme = space && fileKind(path) === 'readme' ? space.readme : parseFrontMatter(text);
        const ast = readme?.found ? readme.frontMatter.ast : undefined;
        root.frontMatter = ast?.body ?? [];
        for (const c of ast?.comments ?? []) root.comments.push(comment(c.value, c.range));
        break;
      }
      case 'python':
        for (const c of space?.python(path)?.comments ?? []) root.comments.push(comment(c.text.slice(1), c.range));
        break;
      case 'dockerfile':
        for (const c of space?.dockerfile(path)?.comments ?? []) root.comments.push(comment(c.text.slice(1), c.range));
        break;
      case 'requirements':
        for (const [value, range] of requirementsComments(text)) root.comments.push(comment(value, range));
        break;
      // packages.txt: every line goes to apt-get, so it has no comments to hold directives.
      // Other text files: their comment syntax is unknown.
    }
    return root;
  }
}

/** pip's comments: `#` at the start of a line or after whitespace, to the end of the line. */
function requirementsComments(text: string): [string, [number, number]][] {
  const out: [string, [number, number]][] = [];
  const re = /(^|[ \t])#([^\r\n]*)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[1].length;
    out.push([m[2], [start, start + 1 + m[2].length]]);
  }
  return out;
}

function toFileError(d: Diagnostic): FileError {
  return { message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

export const LANGUAGE_NAMES: LanguageName[] = ['readme', 'python', 'requirements', 'packages', 'dockerfile', 'text'];
