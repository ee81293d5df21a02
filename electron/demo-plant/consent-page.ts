const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

const style = `body{font:15px/1.5 system-ui,sans-serif;background:#f3f4f6;color:#111827;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;max-width:28rem}
h1{font-size:1.25rem;margin:0 0 1rem}code{word-break:break-all}
nav{display:flex;gap:.75rem;margin-top:1.5rem}
a{flex:1;text-align:center;padding:.6rem;border-radius:8px;text-decoration:none;font-weight:600}
.allow{background:#2563eb;color:#fff}.deny{border:1px solid #d1d5db;color:#111827}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

export interface ConsentPageOptions {
  plantName: string;
  clientId: string;
  redirectUri: string;
  allowHref: string;
  denyHref: string;
}

/** Makini Link's consent screen, reduced to what a person needs to decide. Millwright is the plant's only client. */
export function consentPage({ plantName, clientId, redirectUri, allowHref, denyHref }: ConsentPageOptions): string {
  const title = `${plantName} — Millwright wants to connect`;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p><strong>Millwright</strong> (client <code>${escapeHtml(clientId)}</code>) asks to read and sync the maintenance data of ${escapeHtml(plantName)}: sites, assets, work orders, inventory and purchasing.</p>
<p>Allowing returns you to <code>${escapeHtml(redirectUri)}</code>.</p>
<nav><a class="deny" href="${escapeHtml(denyHref)}">Deny</a><a class="allow" href="${escapeHtml(allowHref)}">Allow</a></nav>`,
  );
}

export function authorizationErrorPage(plantName: string, message: string): string {
  return page(`${plantName} — cannot connect`, `<h1>This connection request cannot be completed</h1>\n<p>${escapeHtml(message)}</p>`);
}
