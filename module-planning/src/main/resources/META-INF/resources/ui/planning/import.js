// 事務事業一覧の取込 / Import a program list: a file in the shape of seed 000 (tab or comma
// separated, UTF-8 or Shift_JIS), checked first (dry run: the first rows of the report and the
// proposed units), then imported (optionally creating the proposed units). A refused file (422)
// lists the failing rows' lines and reasons. The file is sent as it is to …/bulk-imports (read as a
// stream, up to the import limit), the upload's progress shown while it is sent and checked.
import {h, tr, field, notice, problemText, facts, uploadFile} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const fileField = field(ctx, {name: 'file', type: 'file', label: tr(ctx, '事務事業一覧のファイル', 'Program list file'), id: 'import-file', required: true,
    hint: tr(ctx, 'タブ区切りまたはカンマ区切り (UTF-8 / Shift_JIS)。列: 通し番号・事業番号・事務事業名・課名・事業の目的・事業の概要・成果',
        'Tab or comma separated (UTF-8 / Shift_JIS). Columns: serial no., program no., name, division, purpose, summary, results')});
  fileField.querySelector('input').setAttribute('accept', '.txt,.tsv,.csv,text/plain,text/csv,text/tab-separated-values');
  const yearField = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), id: 'import-year',
    hint: tr(ctx, 'ファイルの表題に年度がないとき (例: 2020, R2, 令和2年度)', 'When the file\'s title names none (e.g. 2020, R2)')});
  const createField = field(ctx, {name: 'createUnits', type: 'checkbox', label: tr(ctx, '提案された組織 (課など) を作成する', 'Create the proposed units'), id: 'import-create-units'});
  const result = h('div', {id: 'import-result', 'aria-live': 'polite'});
  const dryButton = h('button', {type: 'button', class: 'btn', id: 'import-dry-run', text: tr(ctx, '確認する (取り込まない)', 'Check (dry run)'),
    on: {click: () => send(true)}});
  const importButton = h('button', {type: 'submit', class: 'btn btn-primary', id: 'import-run', text: tr(ctx, '取り込む', 'Import')});
  const form = h('form', {class: 'form', id: 'import-form', novalidate: true, on: {submit: (e) => { e.preventDefault(); send(false); }}},
      h('p', {text: tr(ctx, 'まず「確認する」で内容を確かめてから取り込んでください。誤りのある行が 1 行でもあれば、何も取り込まれません。',
          'Check the file first, then import it. If any row has an error, nothing is imported.')}),
      fileField, yearField, createField, h('div', {class: 'actions'}, dryButton, importButton));
  root.append(form, result);

  async function send(dryRun) {
    const input = form.elements.file;
    const errorP = document.getElementById('import-file-error');
    errorP.hidden = true;
    input.removeAttribute('aria-invalid');
    const file = input.files && input.files[0];
    if (!file) {
      errorP.textContent = tr(ctx, 'ファイルを選んでください。', 'Choose a file.');
      errorP.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const q = new URLSearchParams({dryRun: String(dryRun), createUnits: String(form.elements.createUnits.checked)});
    const year = form.elements.fiscalYear.value.trim();
    if (year) q.set('fiscalYear', year);
    dryButton.disabled = true;
    importButton.disabled = true;
    try {
      const r = await uploadFile(ctx, `planning/programs/bulk-imports?${q}`, file, result);
      if (r.status === 200 || r.status === 201) {
        showReport(r.body);
      } else if (r.status === 422 && r.problem) {
        showRejected(r.problem);
      } else {
        result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error', fieldList(r.problem)));
      }
    } finally {
      dryButton.disabled = false;
      importButton.disabled = false;
    }
    const head = result.querySelector('h2');
    if (head) { head.setAttribute('tabindex', '-1'); head.focus(); }
  }

  function fieldList(problem) {
    const errors = (problem && problem.errors) || [];
    return errors.length ? h('ul', {}, errors.map((e) => h('li', {text: `${e.field}: ${e.message}`}))) : null;
  }

  function showRejected(problem) {
    const rows = ((problem && problem.errors) || []).map((e) => {
      const m = /^line\[(\d+)\]\.?(.*)$/.exec(e.field || '');
      return {line: m ? Number(m[1]) : null, column: m ? m[2] : e.field, message: e.message};
    });
    // The API lists the first 200 errors; its detail counts every failing row.
    const failed = Number((/([0-9]+)/.exec((problem && problem.detail) || '') || [])[1]) || new Set(rows.map((x) => x.line)).size;
    result.replaceChildren(
        h('h2', {id: 'import-rejected-heading', text: tr(ctx, '取り込めませんでした', 'The file was not imported')}),
        notice(tr(ctx, `取り込めない行が ${failed} 行あるため、何も登録していません。下の表の理由を確かめ、ファイルを直してから取り込み直してください。`,
            `${failed} row(s) cannot be imported, so nothing was registered. See the reasons below, correct the file and import it again.`), 'error',
            new Set(rows.map((x) => x.line)).size < failed
              ? h('p', {text: tr(ctx, `最初の ${rows.length} 件の誤りを表示しています。`, `The first ${rows.length} errors are shown.`)}) : null),
        h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'import-errors'},
            h('caption', {text: tr(ctx, '誤りのある行', 'Rows with errors')}),
            h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Line'), tr(ctx, '項目', 'Column'), tr(ctx, '理由', 'Reason')].map((t) => h('th', {scope: 'col', text: t})))),
            h('tbody', {}, rows.map((x) => h('tr', {},
                h('th', {scope: 'row', class: 'num', text: x.line === null ? '—' : String(x.line)}),
                h('td', {text: columnName(ctx, x.column)}), h('td', {text: x.message})))))));
  }

  function showReport(rep) {
    const fy = rep.fiscalYear ? ctx.fiscalYearLabel(rep.fiscalYear.year) : '—';
    const programsHref = `#/${ctx.lgCode}/planning/planning-programs`;
    const parts = [];
    if (rep.dryRun) {
      parts.push(h('h2', {id: 'import-report-heading', text: tr(ctx, '確認の結果 (まだ取り込んでいません)', 'Check result (nothing imported yet)')}),
          notice(tr(ctx, `${rep.rowCount} 行はすべて取り込めます。内容を確かめて「取り込む」を押してください。`,
              `All ${rep.rowCount} rows can be imported. Check them and press "Import".`)));
    } else {
      parts.push(h('h2', {id: 'import-report-heading', text: tr(ctx, '取り込みました', 'Imported')}),
          notice(tr(ctx, `${rep.imported} 件の事務事業を取り込みました。`, `Imported ${rep.imported} programs.`),
              'info', h('p', {}, h('a', {id: 'import-programs-link', href: programsHref},
                  tr(ctx, `事務事業の一覧を見る (${fy})`, `See the programs (${fy})`)))));
    }
    const created = (rep.proposedUnits || []).filter((u) => u.createdId).length;
    parts.push(facts([
      [tr(ctx, '年度', 'Fiscal year'), fy],
      [tr(ctx, '文字コード', 'Charset'), rep.charset],
      [tr(ctx, '区切り', 'Separator'), rep.separator === 'TAB' ? tr(ctx, 'タブ', 'Tab') : tr(ctx, 'カンマ', 'Comma')],
      [tr(ctx, '行数', 'Rows'), String(rep.rowCount)],
      rep.dryRun ? null : [tr(ctx, '取り込んだ件数', 'Imported'), String(rep.imported)],
      rep.dryRun ? null : [tr(ctx, '作成した組織', 'Units created'), String(created)],
    ]));
    const match = (m) => ({MATCHED: tr(ctx, '一致', 'matched'), PROPOSED: tr(ctx, '提案', 'proposed'), CREATED: tr(ctx, '作成', 'created'),
      NONE: tr(ctx, 'なし', 'none'), NAME_ONLY: tr(ctx, '名称のみ', 'name only')}[m] || m);
    const status = (s) => ({VALID: tr(ctx, '取込可', 'valid'), IMPORTED: tr(ctx, '取込済', 'imported')}[s] || s);
    parts.push(h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'import-rows'},
        h('caption', {text: (rep.rows || []).length < rep.rowCount
          ? tr(ctx, `行ごとの結果 (全 ${rep.rowCount} 行のうち最初の ${(rep.rows || []).length} 行)`,
              `Result per row (the first ${(rep.rows || []).length} of ${rep.rowCount})`)
          : tr(ctx, '行ごとの結果', 'Result per row')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Line'), tr(ctx, '状態', 'Status'), tr(ctx, '通し番号', 'Serial'), tr(ctx, '事業番号', 'No.'),
          tr(ctx, '事務事業名', 'Program'), tr(ctx, '課名', 'Division'), tr(ctx, '組織との対応', 'Unit')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, (rep.rows || []).map((x) => h('tr', {},
            h('th', {scope: 'row', class: 'num', text: String(x.line)}), h('td', {text: status(x.status)}),
            h('td', {class: 'num', text: x.serialNumber ?? ''}), h('td', {text: x.programNumber || ''}), h('td', {text: x.name || ''}),
            h('td', {text: x.unitName || ''}), h('td', {text: match(x.unitMatch)})))))));
    const proposed = rep.proposedUnits || [];
    if (proposed.length) {
      parts.push(h('h2', {text: tr(ctx, '提案された組織', 'Proposed units')}),
          h('p', {class: 'hint', text: tr(ctx, '組織図にない課名です。「提案された組織を作成する」を選んで取り込むと作成されます。',
              'Division names not in the organisational tree. Import with "Create the proposed units" to create them.')}),
          h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'import-proposed'},
              h('caption', {text: tr(ctx, '提案された組織', 'Proposed units')}),
              h('thead', {}, h('tr', {}, [tr(ctx, 'ファイルの表記', 'As written'), tr(ctx, '名称', 'Name'), tr(ctx, '種別', 'Kind'),
                tr(ctx, '上位の組織', 'Parent'), tr(ctx, '行', 'Lines'), tr(ctx, '作成', 'Created')].map((t) => h('th', {scope: 'col', text: t})))),
              h('tbody', {}, proposed.map((u) => h('tr', {},
                  h('th', {scope: 'row', text: u.writtenName}), h('td', {text: u.nameJa}), h('td', {text: u.kind}),
                  h('td', {text: u.parentNameJa || '—'}), h('td', {text: (u.lines || []).join(', ')
                    + ((u.lineCount || 0) > (u.lines || []).length ? tr(ctx, ` … (全 ${u.lineCount} 行)`, ` … (${u.lineCount} in all)`) : '')}),
                  h('td', {text: u.createdId ? tr(ctx, '作成済', 'created') : '—'})))))));
    }
    result.replaceChildren(...parts);
  }
}

/** The column an error names (the API's field after line[N].), as the file's header calls it. */
function columnName(ctx, c) {
  const names = {serialNumber: ['通し番号', 'Serial no.'], programNumber: ['事業番号', 'Program no.'], name: ['事務事業名', 'Program name'],
    unitName: ['課名', 'Division'], purpose: ['事業の目的', 'Purpose'], summary: ['事業の概要', 'Summary'], results: ['成果', 'Results'],
    fiscalYear: ['年度', 'Fiscal year'], columns: ['列の数', 'Number of columns']};
  const n = names[c];
  return n ? tr(ctx, n[0], n[1]) : (c || '—');
}
