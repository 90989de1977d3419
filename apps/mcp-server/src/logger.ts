import type { LogLevel } from './tool.js';
import type { Redactor } from './redaction.js';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, notice: 2, warning: 3, error: 4 };

/**
 * Logs to stderr only: in stdio mode stdout carries the protocol, and one stray line would break it.
 * Everything is redacted before it is written.
 */
export class Logger {
  constructor(
    private readonly redactor: Redactor,
    private readonly threshold: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
  ) {}

  log(level: LogLevel, message: string): void {
    if (RANK[level] < RANK[this.threshold]) return;
    this.write(`spacelint-mcp: ${level === 'info' || level === 'notice' ? '' : `${level}: `}${this.redactor.redact(message)}\n`);
  }

  info(message: string): void {
    this.log('info', message);
  }

  warn(message: string): void {
    this.log('warning', message);
  }

  error(message: string): void {
    this.log('error', message);
  }
}

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  return value && value in RANK ? (value as LogLevel) : undefined;
}
