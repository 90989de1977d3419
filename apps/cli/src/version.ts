// Replaced at bundle time (scripts/bundle.mjs `define`); the fallbacks only show in unbundled runs.
declare const SPACELINT_VERSION: string | undefined;
declare const SPACELINT_BUILD: string | undefined;

export const VERSION: string = typeof SPACELINT_VERSION === 'string' ? SPACELINT_VERSION : '0.0.0-dev';
/** A hash of the CLI and engine sources this bundle was built from (the lint cache keys on it). */
export const BUILD: string = typeof SPACELINT_BUILD === 'string' ? SPACELINT_BUILD : 'dev';

export const HOMEPAGE = 'https://github.com/spacelint/spacelint';
