// ふるさと納税の活用報告 for the public portal: /p/{lgCode}/hometown-tax-uses. What the donations of each
// fiscal year paid for, as the municipality published it: per use the donations received, the amount spent
// and the staff's account of it. The public endpoint has no donor fields at all; nothing personal is on
// this page. The DOM is built with createElement and textContent only.
import {h as el} from '/ui/core/kit.js';

let seq = 0;
const nextId = (p) => `${p}-${++seq}`;

export default async function render(root, ctx) {
  const t = ctx.t;
  const yen = (n) => t(`${Number(n).toLocaleString('ja-JP')} 円`, `¥${Number(n).toLocaleString('en-US')}`);
  root.replaceChildren(el('h1', {text: t('ふるさと納税の活用報告', 'What hometown-tax donations paid for')}),
      el('p', {class: 'lead', text: t('みなさまからいただいた寄附金を、どの分野にいくら活用したかをご報告します。',
          'How much of the donations we received went to each use, and what it paid for.')}));
  const list = el('div', {id: 'use-reports', 'aria-live': 'polite'});
  root.append(list);
  const r = await ctx.getJson('promotion/public/use-reports?size=20');
  if (r.items.length === 0) {
    list.append(el('p', {text: t('公開中の活用報告はありません。', 'No report is published yet.')}));
    return;
  }
  r.items.forEach((x) => {
    const hid = nextId('ur');
    const rows = x.lines.map((l) => el('tr', {}, el('th', {scope: 'row', text: l.useName || '—'}), el('td', {class: 'num', text: yen(l.received)}),
        el('td', {class: 'num', text: yen(l.spent)}), el('td', {text: l.text || ''})));
    list.append(el('article', {class: 'card use-report', 'aria-labelledby': hid},
        el('h2', {id: hid, text: t(`${x.fiscalYear.label}の活用報告`, `FY${x.fiscalYear.year}`)}),
        x.summary ? el('p', {text: x.summary}) : null,
        el('table', {class: 'list'}, el('caption', {text: t('使途ごとの寄附額と活用額', 'Donations and spending per use')}),
            el('thead', {}, el('tr', {}, [t('使途', 'Use'), t('寄附額', 'Donated'), t('活用額', 'Spent'), t('活用の内容', 'What it paid for')]
                .map((s) => el('th', {scope: 'col', text: s})))),
            el('tbody', {}, rows),
            el('tfoot', {}, el('tr', {}, el('th', {scope: 'row', text: t('合計', 'Total')}), el('td', {class: 'num', text: yen(x.received)}),
                el('td', {class: 'num', text: yen(x.spent)}), el('td', {text: ''}))))));
  });
}
