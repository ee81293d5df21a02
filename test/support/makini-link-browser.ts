/** Plays the user's browser on a Makini Link consent page: loads it, clicks Allow or Deny, follows the redirect. */
export async function answerConsentPage(authorizeUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<Response> {
  const page = await (await fetch(authorizeUrl)).text();
  const href = new RegExp(`class="${decision}" href="([^"]+)"`).exec(page)?.[1];
  if (!href) throw new Error(`no ${decision} link on the consent page:\n${page}`);
  const decided = await fetch(new URL(href.replaceAll('&amp;', '&'), authorizeUrl), { redirect: 'manual' });
  const location = decided.headers.get('location');
  if (decided.status !== 302 || !location) throw new Error(`consent answered ${decided.status} without a redirect`);
  return fetch(location);
}
