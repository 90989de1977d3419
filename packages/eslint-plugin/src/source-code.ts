/**
 * The ESLint view of a Space file: its text, a small AST (a root node, the README front matter's YAML
 * nodes, `#` comments) and the inline `# eslint-…` comments ESLint applies itself.
 */
import { createRequire } from 'node:module';
import type { FileProblem, RulesConfig, SourceLocation } from '@eslint/core';
import type { AST } from 'yaml-eslint-parser';
import type { SpaceView } from './spaces.js';

/** A `#` comment; `value` is its text after the `#`. */
export interface CommentNode {
  type: 'Comment';
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

/** Root node types, one per language. */
export type RootType = 'Readme' | 'PythonFile' | 'RequirementsFile' | 'PackagesFile' | 'Dockerfile' | 'TextFile';

export interface RootNode {
  type: RootType;
  range: [number, number];
  loc: SourceLocation;
  /** README only: the front matter's YAML documents (yaml-eslint-parser nodes, positions in README.md). */
  frontMatter?: AST.YAMLDocument[];
  comments: CommentNode[];
}

export type SpaceNode = RootNode | CommentNode | AST.YAMLNode;

/** Lines end like core's LineIndex counts them (`\r\n`, `\n` or a lone `\r`), so positions agree. */
export const LINE_ENDING = /\r\n|[\r\n]/u;

// ESLint already loaded @eslint/plugin-kit's CommonJS build; requiring it shares that copy instead of
// loading the ES module build as well (a few milliseconds of every cold run). It is resolved from ESLint's
// own folder: the published plugin has no dependencies of its own (eslint is its only peer).
const { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'))(
  '@eslint/plugin-kit',
) as typeof import('@eslint/plugin-kit');
type Directive = InstanceType<typeof Directive>;
type VisitNodeStep = InstanceType<typeof VisitNodeStep>;

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

export class SpaceSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: RootNode;
  SyntaxElementWithLoc: SpaceNode;
  ConfigNode: CommentNode;
}> {
  readonly visitorKeys: Record<string, string[]>;
  /** The file inside its Space; rules read their findings from it. */
  readonly view: SpaceView;
  private parents = new WeakMap<object, SpaceNode>();
  private steps?: VisitNodeStep[];
  private inlineConfigNodes?: CommentNode[];

  constructor(options: { text: string; ast: RootNode; view: SpaceView; visitorKeys: Record<string, string[]> }) {
    super({ text: options.text, ast: options.ast, lineEndingPattern: LINE_ENDING });
    this.view = options.view;
    this.visitorKeys = options.visitorKeys;
  }

  get comments(): CommentNode[] {
    return this.ast.comments;
  }

  override getParent(node: SpaceNode): SpaceNode | undefined {
    if (!this.steps) this.traverse();
    return this.parents.get(node);
  }

  getInlineConfigNodes(): CommentNode[] {
    return (this.inlineConfigNodes ??= this.ast.comments.filter((c) => INLINE_CONFIG.test(c.value)));
  }

  /** `# eslint-disable…` comments, in every file type whose `#` comments the tools reading it ignore. */
  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-next-line' || label === 'eslint-disable-line') {
        directives.push(new Directive({ type: label.slice('eslint-'.length) as Directive['type'], node: comment, value, justification }));
      }
    }
    return { problems: [], directives };
  }

  /** `# eslint spacelint/rule: off` comments. */
  applyInlineConfig(): { problems: FileProblem[]; configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { problems, configs };
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (this.steps) return this.steps.values();
    const steps: VisitNodeStep[] = (this.steps = []);
    const visit = (node: SpaceNode, parent: SpaceNode | undefined) => {
      if (parent) this.parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const key of this.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child]) {
          if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string') visit(c as SpaceNode, node);
        }
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    return steps.values();
  }
}
