import { open } from 'node:fs/promises';

/** The ways web mode can be given the access token for `--base-url`; at most one at a time. */
export interface AccessTokenInputs {
  /** `--token <token>`: on the command line, where any user of the machine can read it. */
  token: string | undefined;
  /** `--token-file <path>` */
  tokenFile: string | undefined;
  /** The MILLWRIGHT_TOKEN environment variable. */
  environment: string | undefined;
}

export interface AccessToken {
  token: string;
  source: '--token-file' | 'MILLWRIGHT_TOKEN' | '--token';
  /** What to tell the user about how the token was given, or null. */
  warning: string | null;
}

export const commandLineTokenWarning =
  'Warning: --token puts the access token on the command line, where every user of this machine can read it ' +
  '(ps, /proc/<pid>/cmdline). Give it with --token-file <path> or the MILLWRIGHT_TOKEN environment variable instead.';

/** A token is one line; a bigger file is not one (and reading stops there, even on an endless device). */
const maxTokenFileBytes = 64 * 1024;

/**
 * Reads the access token from the one source given, or answers null when none is. Bad input is
 * an Error whose message says what is wrong, for the command line to print as it is.
 */
export async function readAccessToken(inputs: AccessTokenInputs): Promise<AccessToken | null> {
  const given = [
    inputs.tokenFile !== undefined ? '--token-file' : null,
    inputs.environment !== undefined ? 'MILLWRIGHT_TOKEN' : null,
    inputs.token !== undefined ? '--token' : null,
  ].filter((source) => source !== null);
  if (given.length > 1) throw new Error(`Give the access token one way only; got ${given.join(' and ')}.`);
  if (inputs.tokenFile !== undefined) return { token: await readTokenFile(inputs.tokenFile), source: '--token-file', warning: null };
  if (inputs.environment !== undefined) return { token: oneLine(inputs.environment, 'MILLWRIGHT_TOKEN'), source: 'MILLWRIGHT_TOKEN', warning: null };
  if (inputs.token !== undefined) return { token: oneLine(inputs.token, '--token'), source: '--token', warning: commandLineTokenWarning };
  return null;
}

/** The token without the whitespace and trailing newline around it; refused if empty or several lines. */
function oneLine(text: string, source: string): string {
  const token = text.trim();
  if (token === '') throw new Error(`${source} is empty: it should hold the access token.`);
  if (/[\r\n]/.test(token)) throw new Error(`${source} holds more than one line: it should hold the access token alone.`);
  return token;
}

async function readTokenFile(file: string): Promise<string> {
  let head: Buffer;
  try {
    head = await readHead(file, maxTokenFileBytes + 1);
  } catch (error) {
    throw new Error(unreadable(file, error as NodeJS.ErrnoException));
  }
  if (head.length > maxTokenFileBytes) throw new Error(`--token-file ${file} is larger than ${maxTokenFileBytes / 1024} KB: it should hold the access token alone.`);
  return oneLine(head.toString('utf8'), `--token-file ${file}`);
}

/** Up to `limit` bytes from the start of a file, a pipe (`--token-file <(pass show …)`) or a device. */
async function readHead(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let length = 0;
    while (length < limit) {
      const { bytesRead } = await handle.read(buffer, length, limit - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function unreadable(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `--token-file ${file}: there is no such file.`;
    case 'EACCES':
    case 'EPERM':
      return `--token-file ${file} cannot be read: permission denied.`;
    case 'EISDIR':
      return `--token-file ${file} is a folder, not a file.`;
    default:
      return `--token-file ${file} cannot be read: ${error.message}`;
  }
}
