// ふるさと納税: 寄附の取込 / Hometown tax: import donations from a portal site's export (CSV, UTF-8 or
// Shift_JIS) by the site's saved column mapping: checked first (dry run: counts and a preview of
// what changes), then imported. A refused file (422) lists each failing row and column; nothing is
// written. The portal sites and their column mappings are edited here too.
// Routes: #/{lg}/promotion/promotion-donation-import[/sites/new | /sites/{id}].
import {h, tr, field, notice, problemText, facts, submit, errorNotice, uploadFile} from '/ui/core/kit.js';

const SITES = 'promotion/import-sites';
const FIELDS = [
  ['orderId', '受付番号', 'Order id', true], ['receivedOn', '寄附日', 'Date of donation', true], ['amount', '寄附金額', 'Amount', true],
  ['name', '氏名', 'Name', true], ['kana', 'フリガナ', 'Reading (kana)'], ['postalCode', '郵便番号', 'Postal code'], ['address', '住所', 'Address'],
  ['phone', '電話番号', 'Phone'], ['email', 'メールアドレス', 'E-mail'], ['payment', '支払方法', 'Payment method'],
  ['use', '寄附金の使途', 'Donation use'], ['gift', '返礼品', 'Return gift'], ['publishName', '氏名の公表', 'Publish the name'],
];

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  if (a === 'sites') {
    if (b === 'new') return siteForm(root, ctx, null, null);
    const r = await ctx.api('GET', `${SITES}/${encodeURIComponent(b)}`);
    if (r.status !== 200) {
      root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}));
      return undefined;
    }
    return siteForm(root, ctx, r.body, r.etag);
  }
  return importForm(root, ctx);
}

async function importForm(root, ctx) {
  const sites = await ctx.api('GET', `${SITES}?size=100`);
  const items = (sites.body && sites.body.items) || [];
  const siteField = field(ctx, {name: 'site', type: 'select', label: tr(ctx, 'ポータルサイト', 'Portal site'), id: 'import-site', required: true,
    options: items.map((s) => ({value: s.id, label: s.name}))});
  const fileField = field(ctx, {name: 'file', type: 'file', label: tr(ctx, '寄附データのファイル (CSV)', 'Donation file (CSV)'), id: 'import-file', required: true,
    hint: tr(ctx, 'ポータルサイトから書き出した CSV (UTF-8 / Shift_JIS)。列はサイトごとの「列の対応」で読みます。',
        'The CSV the portal site exports (UTF-8 / Shift_JIS), read by the site\'s column mapping.')});
  fileField.querySelector('input').setAttribute('accept', '.csv,.txt,text/csv,text/plain');
  const suspectField = field(ctx, {name: 'importSuspected', type: 'checkbox', id: 'import-suspected',
    label: tr(ctx, '重複の疑いがある行 (同じ寄附者・日・金額) も取り込む', 'Also import suspected duplicates (same donor, day and amount)')});
  const result = h('div', {id: 'import-result', 'aria-live': 'polite'});
  const dryButton = h('button', {type: 'button', class: 'btn', id: 'import-dry-run', text: tr(ctx, '確認する (取り込まない)', 'Check (dry run)'),
    on: {click: () => send(true)}});
  const importButton = h('button', {type: 'submit', class: 'btn btn-primary', id: 'import-run', text: tr(ctx, '取り込む', 'Import')});
  const siteLinks = h('ul', {id: 'import-sites'}, items.map((s) => h('li', {}, h('a', {href: ctx.href('sites', s.id)},
      tr(ctx, `${s.name} の列の対応を編集`, `Edit the column mapping of ${s.name}`)))),
  h('li', {}, h('a', {href: ctx.href('sites', 'new'), id: 'new-site'}, tr(ctx, 'ポータルサイトを追加', 'Add a portal site'))));
  const form = h('form', {class: 'form', id: 'import-form', novalidate: true, on: {submit: (e) => { e.preventDefault(); send(false); }}},
      h('p', {text: tr(ctx, 'まず「確認する」で内容を確かめてから取り込んでください。誤りのある行が 1 行でもあれば、何も取り込まれません。取り込み済みの受付番号の行は飛ばします。',
          'Check the file first, then import it. If any row has an error, nothing is imported. Rows whose order id was imported before are skipped.')}),
      items.length ? siteField : notice(tr(ctx, 'ポータルサイトがまだありません。先に追加してください。', 'No portal site yet: add one first.'), 'error'),
      fileField, suspectField, h('div', {class: 'actions'}, dryButton, importButton));
  root.append(form, result, h('h2', {text: tr(ctx, 'ポータルサイトと列の対応', 'Portal sites and their column mappings')}), siteLinks);

  async function send(dryRun) {
    const input = form.elements.file;
    const errorP = document.getElementById('import-file-error');
    errorP.hidden = true;
    input.removeAttribute('aria-invalid');
    const file = input.files && input.files[0];
    if (!file || !items.length) {
      errorP.textContent = tr(ctx, 'ファイルを選んでください。', 'Choose a file.');
      errorP.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const q = new URLSearchParams({site: form.elements.site.value, dryRun: String(dryRun),
      importSuspected: String(form.elements.importSuspected.checked)});
    dryButton.disabled = true;
    importButton.disabled = true;
    try {
      const r = await uploadFile(ctx, `promotion/donations/bulk-imports?${q}`, file, result);
      if (r.status === 200 || r.status === 201) {
        showReport(r.body);
      } else if (r.status === 422 && r.problem) {
        showRejected(r.problem);
      } else {
        result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      }
    } finally {
      dryButton.disabled = false;
      importButton.disabled = false;
    }
    const head = result.querySelector('h2');
    if (head) { head.setAttribute('tabindex', '-1'); head.focus(); }
  }

  function showRejected(problem) {
    const rows = ((problem && problem.errors) || []).map((e) => {
      const m = /^line\[(\d+)\]\.?(.*)$/.exec(e.field || '');
      return {line: m ? String(m[1]) : '—', message: e.message};
    });
    result.replaceChildren(
        h('h2', {id: 'import-rejected-heading', text: tr(ctx, '取り込めませんでした', 'The file was not imported')}),
        notice(problem.detail || problemText(ctx, problem, 422), 'error'),
        h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'import-errors'},
            h('caption', {text: tr(ctx, '誤りのある行', 'Rows with errors')}),
            h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Row'), tr(ctx, '理由', 'Reason')].map((t) => h('th', {scope: 'col', text: t})))),
            h('tbody', {}, rows.map((x) => h('tr', {}, h('th', {scope: 'row', class: 'num', text: x.line}), h('td', {text: x.message})))))));
  }

  function showReport(rep) {
    const yen = (n) => `${Number(n).toLocaleString('ja-JP')} ${tr(ctx, '円', 'yen')}`;
    const parts = [];
    if (rep.dryRun) {
      parts.push(h('h2', {id: 'import-report-heading', text: tr(ctx, '確認の結果 (まだ取り込んでいません)', 'Check result (nothing imported yet)')}),
          notice(tr(ctx, `${rep.newCount} 件を新しく取り込みます。内容を確かめて「取り込む」を押してください。`,
              `${rep.newCount} donation(s) would be imported. Check them and press "Import".`)));
    } else {
      parts.push(h('h2', {id: 'import-report-heading', text: tr(ctx, '取り込みました', 'Imported')}),
          notice(tr(ctx, `${rep.imported} 件の寄附を取り込みました。`, `Imported ${rep.imported} donation(s).`), 'info',
              h('p', {}, h('a', {id: 'import-donations-link', href: `#/${ctx.lgCode}/promotion/promotion-donations`},
                  tr(ctx, '寄附の一覧を見る', 'See the donations')))));
    }
    parts.push(facts([
      [tr(ctx, 'ポータルサイト', 'Portal site'), rep.site],
      [tr(ctx, '文字コード', 'Charset'), rep.charset],
      [tr(ctx, '行数', 'Rows'), String(rep.rowCount)],
      [tr(ctx, '新しい寄附', 'New donations'), String(rep.newCount)],
      [tr(ctx, '取り込み済み (受付番号が重複)', 'Already imported (same order id)'), String(rep.duplicateOrders)],
      [tr(ctx, '重複の疑い (取り込まない)', 'Suspected duplicates (skipped)'), String(rep.suspectedDuplicates)],
      [tr(ctx, '登録済みの寄附者', 'Registered donors'), String(rep.donorsMatched)],
      [tr(ctx, '新しい寄附者', 'New donors'), String(rep.donorsCreated)],
      [tr(ctx, '新しい寄附の合計', 'Total of the new donations'), yen(rep.amount)],
    ]));
    parts.push(h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'import-rows'},
        h('caption', {text: tr(ctx, `行ごとの結果 (先頭 ${(rep.rows || []).length} 行)`, `Result per row (first ${(rep.rows || []).length})`)}),
        h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Row'), tr(ctx, '状態', 'Status'), tr(ctx, '受付番号', 'Order id'), tr(ctx, '寄附日', 'Date'),
          tr(ctx, '金額', 'Amount'), tr(ctx, '寄附者', 'Donor'), tr(ctx, '寄附者の照合', 'Donor match'), tr(ctx, '使途', 'Use')]
            .map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, (rep.rows || []).map((x) => h('tr', {},
            h('th', {scope: 'row', class: 'num', text: String(x.line)}), h('td', {text: x.statusLabel}), h('td', {text: x.orderId}),
            h('td', {text: x.receivedOn}), h('td', {class: 'num', text: yen(x.amount)}), h('td', {text: x.donorName || ''}),
            h('td', {text: x.donorMatchLabel || '—'}), h('td', {text: x.useName || ''})))))));
    result.replaceChildren(...parts);
  }
}

function siteForm(root, ctx, s, etag) {
  ctx.setTitle(s ? tr(ctx, `列の対応の編集: ${s.name}`, `Column mapping: ${s.name}`) : tr(ctx, 'ポータルサイトの追加', 'New portal site'));
  const columns = {};
  ((s && s.columns) || []).forEach((c) => { columns[c.field] = c.column; });
  const f = h('form', {class: 'form', id: 'site-form', novalidate: true},
      field(ctx, {name: 'name', label: tr(ctx, 'ポータルサイト名 (寄附の受付経路として記録します)', 'Portal site name (recorded as the donations\' channel)'),
        value: (s && s.name) || '', required: true, id: 'site-name', attrs: {maxlength: '100'}}),
      h('fieldset', {}, h('legend', {text: tr(ctx, 'CSV の見出し (列名)', 'CSV header text per field')}),
          ...FIELDS.map(([k, ja, en, req]) => field(ctx, {name: `col-${k}`, label: tr(ctx, ja, en), value: columns[k] || '', required: !!req,
            id: `site-col-${k}`, attrs: {maxlength: '100'}}))),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-site', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const cols = {};
    FIELDS.forEach(([k]) => { cols[k] = f.elements[`col-${k}`].value.trim(); });
    const body = {name: f.elements.name.value.trim() || null, columns: cols, defaultPaymentMethod: (s && s.defaultPaymentMethod) || 'CREDIT_CARD'};
    const reply = await submit(ctx, f, {method: s ? 'PUT' : 'POST', path: s ? `${SITES}/${s.id}` : SITES, body, etag,
      reload: () => ctx.navigate(ctx.href('sites', s.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href());
    }
  });
  root.append(h('p', {}, h('a', {href: ctx.href(), id: 'back-to-import'}, tr(ctx, '← 寄附の取込へ', '← Import donations'))), f);
}
