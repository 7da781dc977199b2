// 年度更新 — console page of the planning module (CONSOLE contribution "planning-fiscal-year"): starts a
// fiscal year by copying the programs, department policies and division plans of the year before in one
// action (POST planning/fiscal-years/{from}/copy?to=…). A dry run shows first what would be copied and
// skipped; the copy itself asks for confirmation and shows the result per kind.

import {h as el} from '/ui/core/kit.js';
export default async function render(root, ctx) {
  const { t } = ctx;
  const thisYear = new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear();
  // The console shell shows the page's title (年度更新) as its heading.
  root.append(el('p', { text: t('前年度の事務事業・部の運営方針・課の業務計画を新しい年度にまとめてコピーします。前年度のデータはそのまま残ります。評価・事業費・実績はコピーせず、総合計画は複数年度の計画なのでコピーしません。',
      'Copies the administrative programs, department operating policies and division business plans of a fiscal year into the next in one action. The old year stays as it is. Evaluations, costs and results are not copied; comprehensive plans span several years and are not copied either.') }));

  const form = el('form', { class: 'fiscal-year-copy', novalidate: '' });
  const fromInput = el('input', { id: 'fy-copy-from', name: 'from', 'aria-describedby': 'fy-copy-from-label', type: 'number', min: '1989', max: '9998', required: '' });
  const toInput = el('input', { id: 'fy-copy-to', name: 'to', 'aria-describedby': 'fy-copy-to-label', type: 'number', min: '1989', max: '9998', required: '' });
  fromInput.value = String(thisYear);
  toInput.value = String(thisYear + 1);
  const fromLabel = el('span', { class: 'hint', id: 'fy-copy-from-label' });
  const toLabel = el('span', { class: 'hint', id: 'fy-copy-to-label' });
  const updateLabels = () => {
    fromLabel.textContent = fromInput.value ? ctx.fiscalYearLabel(Number(fromInput.value)) : '';
    toLabel.textContent = toInput.value ? ctx.fiscalYearLabel(Number(toInput.value)) : '';
  };
  fromInput.addEventListener('input', updateLabels);
  toInput.addEventListener('input', updateLabels);
  updateLabels();
  const preview = el('button', { type: 'button', id: 'fy-copy-preview', class: 'btn' }, t('確認（書き込みません）', 'Preview (writes nothing)'));
  const run = el('button', { type: 'submit', id: 'fy-copy-run', class: 'btn btn-primary' }, t('コピーを実行', 'Copy'));
  form.append(
    el('div', { class: 'field' }, el('label', { for: 'fy-copy-from', text: t('コピー元の年度（西暦）', 'From fiscal year') }), fromInput, fromLabel),
    el('div', { class: 'field' }, el('label', { for: 'fy-copy-to', text: t('コピー先の年度（西暦）', 'To fiscal year') }), toInput, toLabel),
    el('div', { class: 'actions' }, preview, run));
  const result = el('div', { 'aria-live': 'polite' });
  root.append(form, result);

  async function call(dryRun) {
    const from = fromInput.value.trim();
    const to = toInput.value.trim();
    result.replaceChildren(el('p', { class: 'status', role: 'status', text: t('処理中…', 'Working…') }));
    const r = await ctx.api('POST', `planning/fiscal-years/${encodeURIComponent(from || '-')}/copy?to=${encodeURIComponent(to)}`
      + (dryRun ? '&dryRun=true' : ''));
    result.replaceChildren();
    if (r.status !== 200) {
      const p = r.problem || {};
      const box = el('div', { class: 'notice notice-error', role: 'alert' }, el('p', { text: p.detail || p.title || `HTTP ${r.status}` }));
      (p.errors || []).forEach((e) => box.append(el('p', { text: `${e.field}: ${e.message}` })));
      result.append(box);
      return;
    }
    show(r.body);
  }

  function show(b) {
    result.append(el('h2', { text: b.dryRun
      ? t(`確認：${b.fromLabel} → ${b.toLabel}（まだ書き込んでいません）`, `Preview: ${b.fromLabel} → ${b.toLabel} (nothing written yet)`)
      : t(`${b.fromLabel} → ${b.toLabel} をコピーしました`, `Copied ${b.fromLabel} → ${b.toLabel}`) }),
    el('p', { class: 'summary', text: b.dryRun
      ? t(`コピー予定 ${b.copied}件、スキップ ${b.skipped}件`, `${b.copied} to copy, ${b.skipped} to skip`)
      : t(`コピー ${b.copied}件、スキップ ${b.skipped}件`, `${b.copied} copied, ${b.skipped} skipped`) }));
    b.kinds.forEach((k) => {
      const table = el('table', {}, el('caption', { text: `${k.label}: ${t('コピー', 'copied')} ${k.copied} / ${t('スキップ', 'skipped')} ${k.skipped}` }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('番号', 'No.') }),
          el('th', { scope: 'col', text: t('名称', 'Name') }), el('th', { scope: 'col', text: t('結果', 'Result') }))));
      const tb = el('tbody');
      k.items.forEach((i) => tb.append(el('tr', {}, el('td', { text: i.number || '' }), el('th', { scope: 'row', text: i.title || '' }),
        el('td', { text: i.copied ? (b.dryRun ? t('コピー予定', 'To copy') : t('コピー済み', 'Copied')) : `${t('スキップ', 'Skipped')}: ${i.reasonText}` }))));
      if (k.items.length === 0) tb.append(el('tr', {}, el('td', { colspan: '3', text: t('対象なし', 'None') })));
      table.append(tb);
      result.append(table);
    });
    const ul = el('ul', { class: 'not-copied' });
    b.notCopied.forEach((n) => ul.append(el('li', { text: `${n.label}: ${n.reason}` })));
    result.append(el('h3', { text: t('コピーしないもの', 'Not copied') }), ul);
  }

  preview.addEventListener('click', () => call(true));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const from = ctx.fiscalYearLabel(Number(fromInput.value));
    const to = ctx.fiscalYearLabel(Number(toInput.value));
    if (window.confirm(t(`${from}の事務事業・部の運営方針・課の業務計画を${to}にコピーします。よろしいですか？`,
      `Copy the programs, department policies and division plans of ${from} into ${to}?`))) {
      call(false);
    }
  });
}
