export { DirectorySource, relativeInside, type DirectorySourceOptions } from './directory-source.js';
export { findSpaceRoot } from './space-root.js';
export { writeFileAtomic, writeFixes } from './write.js';
