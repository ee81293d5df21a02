/** Never put a token in a message or a log: show its last four characters at most. */
export function redactToken(token: string): string {
  return token.length <= 8 ? '••••' : `••••${token.slice(-4)}`;
}
