// 個人情報 (residents' personal data), for municipality administrators: the retention period
// (GET/PUT personal-data/settings with If-Match), a resident's export by e-mail and/or phone
// (POST personal-data/resident-exports, as a table or CSV; every record read is audited), and
// anonymisation now (POST personal-data/anonymisations) after a confirmation. README "Personal data".
import {h, add, tr, field, submit, notice, errorNotice, problemText, showFieldErrors, clearErrors, facts} from '../kit.js';

export default async function render(root, ctx) {
  const settings = h('section', {'aria-labelledby': 'pd-retention-h'});
  const exports = h('section', {'aria-labelledby': 'pd-export-h'});
  const anonymise = h('section', {'aria-labelledby': 'pd-anon-h'});
  add(root, h('p', {class: 'hint', text: tr(ctx,
      '住民から寄せられた個人情報 (氏名・住所・電話番号・メールアドレス) の保存期間、本人からの開示請求への対応 (データの書き出し)、保存期間を過ぎたデータの匿名化を行います。',
      'The retention period of residents\' personal data (name, address, phone, e-mail), exports for a resident\'s access request, and anonymisation of data past the retention period.')}),
  settings, exports, anonymise);
  await retention(settings, ctx);
  residentExport(exports, ctx);
  anonymisation(anonymise, ctx);
}

async function retention(section, ctx) {
  section.replaceChildren(h('h2', {id: 'pd-retention-h', text: tr(ctx, '保存期間', 'Retention period')}));
  const r = await ctx.api('GET', 'personal-data/settings');
  if (r.status !== 200) {
    section.append(errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  let etag = r.etag;
  const form = h('form', {class: 'form', id: 'retention-form', novalidate: true},
      field(ctx, {name: 'retentionYears', type: 'number', label: tr(ctx, '保存期間 (年)', 'Retention (years)'), required: true,
        value: String(r.body.retentionYears),
        hint: tr(ctx, `完了した記録の個人情報を、完了から何年後に匿名化するか (0〜100、既定 ${r.body.defaultRetentionYears} 年)。`,
            `Years after a record is closed until its personal data is anonymised (0–100, default ${r.body.defaultRetentionYears}).`)}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-retention', text: tr(ctx, '保存', 'Save')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const raw = form.elements.retentionYears.value.trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : raw;
    const saved = await submit(ctx, form, {method: 'PUT', path: 'personal-data/settings', body: {retentionYears: n}, etag,
      reload: () => retention(section, ctx)});
    if (saved) {
      etag = saved.etag;
      form.prepend(h('div', {class: 'form-summary'}, notice(tr(ctx, `保存期間を ${saved.body.retentionYears} 年にしました。`,
          `The retention period is now ${saved.body.retentionYears} years.`))));
    }
  });
  section.append(form);
}

function residentExport(section, ctx) {
  const result = h('div', {id: 'export-result', 'aria-live': 'polite'});
  const form = h('form', {class: 'form', id: 'export-form', novalidate: true},
      field(ctx, {name: 'email', type: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), attrs: {autocomplete: 'off'}}),
      field(ctx, {name: 'phone', type: 'tel', label: tr(ctx, '電話番号', 'Phone'), attrs: {autocomplete: 'off'},
        hint: tr(ctx, 'どちらか一方、または両方。全角数字やハイフンの有無は問いません。', 'Either or both; full-width digits and hyphens are fine.')}),
      h('div', {class: 'actions'},
          h('button', {type: 'submit', class: 'btn btn-primary', id: 'export-search', text: tr(ctx, '検索', 'Search')}), ' ',
          h('button', {type: 'button', class: 'btn csv', id: 'export-csv', text: tr(ctx, 'CSV ダウンロード', 'Download CSV'),
            on: {click: () => csv()}})));
  const query = () => {
    const q = {};
    const e = form.elements.email.value.trim();
    const p = form.elements.phone.value.trim();
    if (e) q.email = e;
    if (p) q.phone = p;
    return q;
  };
  async function csv() {
    clearErrors(form);
    const r = await ctx.api('POST', 'personal-data/resident-exports?format=csv', {body: query(), accept: 'text/csv', raw: true});
    if (r.status !== 200) {
      showFieldErrors(ctx, form, r.problem || {status: r.status});
      return;
    }
    const url = URL.createObjectURL(r.blob);
    const a = h('a', {href: url, download: `resident-data-${ctx.lgCode}.csv`, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    ctx.announce(tr(ctx, 'CSV をダウンロードしました。', 'CSV downloaded.'));
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    result.replaceChildren();
    const r = await submit(ctx, form, {method: 'POST', path: 'personal-data/resident-exports', body: query()});
    if (!r) return;
    const data = r.body;
    const rows = [];
    for (const rec of data.records) {
      for (const [k, v] of Object.entries(rec.data || {})) {
        rows.push(h('tr', {}, h('th', {scope: 'row', text: rec.sourceLabel || rec.source}), h('td', {text: rec.entityId}),
            h('td', {text: rec.recordedAt ? String(rec.recordedAt).substring(0, 10) : ''}),
            h('td', {text: k}), h('td', {text: v === null || v === undefined ? '' : String(v)})));
      }
    }
    add(result,
        notice(tr(ctx, `${data.totalRecords} 件の記録が見つかりました。この閲覧は監査記録に残ります。`,
            `${data.totalRecords} records found. This read is recorded in the audit trail.`)),
        data.totalRecords ? h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'export-table'},
            h('caption', {text: tr(ctx, '本人に関する記録', 'Records about the resident')}),
            h('thead', {}, h('tr', {}, [tr(ctx, '出所', 'Source'), tr(ctx, '記録 ID', 'Record id'), tr(ctx, '記録日', 'Recorded'),
              tr(ctx, '項目', 'Field'), tr(ctx, '値', 'Value')].map((x) => h('th', {scope: 'col', text: x})))),
            h('tbody', {}, rows))) : null);
  });
  add(section, h('h2', {id: 'pd-export-h', text: tr(ctx, '本人のデータの書き出し', 'Export a resident\'s data')}), form, result);
}

function anonymisation(section, ctx) {
  const result = h('div', {id: 'anonymise-result', 'aria-live': 'polite'});
  const confirmBox = h('div', {class: 'notice notice-error', id: 'anonymise-confirm', hidden: true, role: 'alertdialog',
    'aria-labelledby': 'anonymise-confirm-text'},
  h('p', {id: 'anonymise-confirm-text', text: tr(ctx, '保存期間を過ぎた記録の個人情報を匿名化します。元に戻せません。実行しますか?',
      'The personal data of records past the retention period will be anonymised. This cannot be undone. Go ahead?')}),
  h('button', {type: 'button', class: 'btn btn-danger', id: 'anonymise-yes', text: tr(ctx, '匿名化する', 'Anonymise'), on: {click: run}}), ' ',
  h('button', {type: 'button', class: 'btn', id: 'anonymise-no', text: tr(ctx, 'やめる', 'Cancel'),
    on: {click: () => { confirmBox.hidden = true; start.focus(); }}}));
  const start = h('button', {type: 'button', class: 'btn', id: 'anonymise-now', text: tr(ctx, '今すぐ匿名化する', 'Anonymise now'),
    on: {click: () => { result.replaceChildren(); confirmBox.hidden = false; confirmBox.querySelector('#anonymise-no').focus(); }}});
  async function run() {
    confirmBox.hidden = true;
    const r = await ctx.api('POST', 'personal-data/anonymisations');
    if (r.status !== 200) {
      result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      return;
    }
    const a = r.body;
    result.replaceChildren(notice(tr(ctx, `${a.total} 件の記録を匿名化しました。`, `${a.total} records anonymised.`)),
        facts([[tr(ctx, '保存期間', 'Retention'), tr(ctx, `${a.retentionYears} 年`, `${a.retentionYears} years`)],
          [tr(ctx, '対象 (この日時より前に完了)', 'Closed before'), String(a.closedBefore || '').substring(0, 16).replace('T', ' ')],
          ...Object.entries(a.anonymised || {}).map(([k, n]) => [k, String(n)])]));
    start.focus();
  }
  add(section, h('h2', {id: 'pd-anon-h', text: tr(ctx, '匿名化', 'Anonymisation')}),
      h('p', {text: tr(ctx, '毎晩自動で行われます。保存期間を変えた直後などに、今すぐ実行することもできます。',
          'It runs every night; you can also run it now, e.g. right after changing the retention period.')}),
      h('div', {class: 'toolbar'}, start), confirmBox, result);
}
