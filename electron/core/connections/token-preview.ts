/** A connection as main knows it. The token stays in main; the renderer sees a ConnectionView. */
export interface ConnectionConfig {
  id: string;
  name: string;
  kind: 'demo' | 'makini';
  baseUrl: string;
  token: string;
}

/** Never put a token in a message or a log: show its last four characters at most. */
export function redactToken(token: string): string {
  return token.length <= 8 ? '••••' : `••••${token.slice(-4)}`;
}
