import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Registers secret values: they are replaced by [redacted] wherever they would appear. */
  addSecret(...values: (string | null | undefined)[]): void;
}

/** Token-like text that must never be written, whatever registered it. */
const secretPatterns: readonly RegExp[] = [
  /(bearer\s+)[^\s"',]+/gi,
  /((?:access|refresh)_token["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi,
  /((?:client_secret|token)=)[^\s&"']+/gi,
];

export function redact(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  for (const pattern of secretPatterns) out = out.replace(pattern, '$1[redacted]');
  return out;
}

/** JSON-lines log to a file (and stderr for warnings and errors), with secrets redacted. */
export class FileLogger implements Logger {
  private readonly secrets = new Set<string>();

  constructor(
    private readonly file: string | null,
    private readonly echo: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    // Logs name connections, plants and records: the folder is the user's alone (0700), like the file (0600).
    if (file) mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }

  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  addSecret(...values: (string | null | undefined)[]): void {
    for (const value of values) if (value && value.length >= 8) this.secrets.add(value);
  }

  private write(level: 'info' | 'warn' | 'error', message: string, fields?: LogFields): void {
    const line = redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }), this.secrets);
    if (this.file) appendFileSync(this.file, `${line}\n`, { mode: 0o600 });
    if (level !== 'info') this.echo(line);
  }
}
