export { DirectorySource, readSpaceFile, relativeInside, type DirectorySourceOptions } from './directory-source.js';
export { findSpaceRoot, isSpaceFolder, isSpaceReadme, SPACE_MARKER_FILES } from './space-root.js';
export { findSpaces, MAX_SPACES, type SpacesFound } from './space-discovery.js';
export { writeFileAtomic, writeFixes } from './write.js';
export { readRegularFileSync, type RegularFileRead } from './read-file.js';
export { IgnoreRules } from './ignore-rules.js';
export {
  listSpaceFiles,
  neverUploaded,
  DEFAULT_EXCLUDES,
  type ListedFile,
  type SkippedFile,
  type SkipReason,
  type SpaceFileList,
  type ListSpaceFilesOptions,
} from './space-files.js';
export { requireWithCodeCache } from './code-cache.js';
export { compileParserWasm } from './parser-wasm.js';
