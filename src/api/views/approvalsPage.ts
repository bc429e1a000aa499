import type { CartGroupRow } from '../../db/schema';

/** Server-rendered HTML of the approvals page. Every value from the database is escaped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
 body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
 table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
 .num { text-align: right; font-variant-numeric: tabular-nums; } .muted { color: #59636e; } .notice { background: #ddf4ff; padding: .6rem .8rem; border-radius: 6px; }
 form.inline { display: inline; } button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid #d0d7de; cursor: pointer; }
 button.approve { background: #1f883d; color: #fff; border-color: #1a7f37; } button.reject { background: #fff; color: #cf222e; }
 input[type=text], input[type=password] { font: inherit; padding: .3rem .5rem; width: 16rem; }
</style></head><body>${body}</body></html>`;

export function loginPage(message?: string): string {
  return layout(
    'Approvals — sign in',
    `<h1>Cart approvals</h1>
${message ? `<p class="notice">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/approvals/login">
  <label>Approver token <input type="password" name="token" autocomplete="off" required></label>
  <button type="submit">Sign in</button>
</form>`,
  );
}

export interface PendingCart {
  group: CartGroupRow;
  drafts: { name: string | null; lineCount: number }[];
  buyer: string;
}

export function approvalsPage(approverName: string, pending: readonly PendingCart[], message?: string): string {
  const rows = pending
    .map(({ group: g, drafts, buyer }) => {
      const id = escapeHtml(g.id);
      return `<tr data-group="${id}">
  <td><strong>${escapeHtml(buyer)}</strong><div class="muted">${escapeHtml(g.companyLocationGid)}</div>${g.poNumber ? `<div>PO ${escapeHtml(g.poNumber)}</div>` : ''}</td>
  <td class="num">${escapeHtml(g.lineCount)}</td>
  <td class="num">${escapeHtml(g.total)} ${escapeHtml(g.currencyCode)}</td>
  <td>${drafts.map((d) => `${escapeHtml(d.name)} <span class="muted">(${d.lineCount} lines)</span>`).join('<br>')}</td>
  <td class="muted">${escapeHtml(g.approvalReason)}<br>until ${escapeHtml(g.approvalDeadline?.toISOString())}</td>
  <td>
    <form class="inline" method="post" action="/approvals/${id}/approve"><input type="text" name="comment" placeholder="comment (optional)" aria-label="comment"><button class="approve" type="submit">Approve</button></form>
    <form class="inline" method="post" action="/approvals/${id}/reject"><button class="reject" type="submit">Reject</button></form>
  </td>
</tr>`;
    })
    .join('\n');
  return layout(
    'Approvals',
    `<h1>Cart approvals</h1>
<p class="muted">Signed in as ${escapeHtml(approverName)} · <a href="/approvals/logout">sign out</a></p>
${message ? `<p class="notice" role="status">${escapeHtml(message)}</p>` : ''}
${
  pending.length === 0
    ? '<p>No carts are waiting for your approval.</p>'
    : `<table><thead><tr><th>Buyer</th><th class="num">Lines</th><th class="num">Total</th><th>Drafts</th><th>Why / deadline</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`
}`,
  );
}
