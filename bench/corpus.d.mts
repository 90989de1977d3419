/** Types for corpus.mjs (the benchmark corpus generator), for TypeScript callers such as its test. */
export declare const CORPUS_DIR: string;
export declare const CORPUS_SEED: number;
export declare function generateSpace(index: number, seed?: number): Record<string, string>;
export declare function writeCorpus(count: number, dir?: string): string[];
export declare function spaceDir(i: number, dir?: string): string;
