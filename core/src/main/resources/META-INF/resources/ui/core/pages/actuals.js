// 実績入力 (yearly actuals entry): one fiscal year and one unit; the indicators the unit owns with the
// year's target, last year's actual and fields for this year's actual and a note, saved together
// (all or nothing). The same sheet goes out as xlsx/CSV and comes back as a filled-in file: a preview
// of what changes first, then applied. Routes: #/{lg}/core/actuals, …/actuals/{fiscalYear}/{unitId}.
import {h, tr, field, num, notice, errorNotice, problemText, showFieldErrors, clearErrors, conflictNotice} from '../kit.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fiscal year of today in Japan (April to March). */
function currentFiscalYear() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

export default async function render(root, ctx) {
  const [yearArg, unitArg] = ctx.args;
  const canWrite = ctx.caller.role !== 'VIEWER';
  // Spring's task is last fiscal year's actuals: that is the default.
  const year = /^\d{4}$/.test(yearArg || '') ? Number(yearArg) : currentFiscalYear() - 1;
  let units = [];
  try {
    units = (await ctx.getJson('organization-units?size=100')).items;
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return;
  }
  const years = [];
  for (let y = currentFiscalYear() + 1; y >= currentFiscalYear() - 8; y -= 1) years.push(y);
  if (!years.includes(year)) years.push(year);
  const yearField = field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), value: String(year),
    options: years.map((y) => ({value: String(y), label: ctx.fiscalYearLabel(y)}))});
  const unitField = field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '組織 (所管課)', 'Unit (owner)'), value: unitArg || '',
    options: [{value: '', label: tr(ctx, '選んでください', 'Choose a unit')},
      ...units.map((u) => ({value: u.id, label: ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameJa}))]});
  const choose = h('form', {class: 'filters', id: 'actuals-choose', 'aria-label': tr(ctx, '年度と組織', 'Year and unit'),
    on: {submit: (e) => {
      e.preventDefault();
      const u = choose.unitId.value;
      if (!u) {
        choose.unitId.setAttribute('aria-invalid', 'true');
        const p = document.getElementById(`${choose.unitId.id}-error`);
        p.textContent = tr(ctx, '組織を選んでください。', 'Choose a unit.');
        p.hidden = false;
        choose.unitId.focus();
        return;
      }
      ctx.navigate(ctx.href(choose.fiscalYear.value, u));
    }}},
  yearField, unitField, h('button', {type: 'submit', class: 'btn', id: 'actuals-show', text: tr(ctx, '表示', 'Show')}));
  root.append(h('p', {class: 'hint', text: tr(ctx,
      '年度と組織を選ぶと、その組織が所管する指標の目標値・前年度の実績値と、実績値・実績の説明の入力欄が表示されます。まとめて保存します。',
      'Choose a fiscal year and a unit: the indicators the unit owns appear with their target and last year\'s actual, and fields for this year\'s actual and a note. They are saved together.')}),
  choose);
  if (!unitArg) return;

  const box = h('div', {id: 'actuals-sheet'});
  root.append(box);
  await showSheet();

  async function showSheet(message) {
    const r = await ctx.api('GET', `indicators/actuals/${year}/units/${encodeURIComponent(unitArg)}`);
    if (r.status !== 200) {
      box.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const sheet = r.body;
    let etag = r.etag;
    const unitName = ctx.lang === 'en' && sheet.unitNameEn ? sheet.unitNameEn : sheet.unitNameJa;
    ctx.setTitle(tr(ctx, `実績入力 ${ctx.fiscalYearLabel(year)} ${unitName}`, `Actuals ${ctx.fiscalYearLabel(year)}: ${unitName}`));
    const prevLabel = ctx.fiscalYearLabel(year - 1);
    const entries = [];
    const rows = sheet.rows.map((row) => {
      const name = ctx.lang === 'en' && row.nameEn ? row.nameEn : row.nameJa;
      const label = `${row.code ? `${row.code} ` : ''}${name}`;
      const value = (v) => (v === null || v === undefined ? '—' : `${num(ctx, v, 4)} ${row.unit}`);
      let actualCell;
      let noteCell;
      if (row.boundToMetric) {
        actualCell = h('td', {class: 'bound'}, h('span', {text: value(row.liveValue)}),
            h('span', {class: 'hint', text: tr(ctx, ' (指標ソースに連動: 入力不要)', ' (linked to a metric source: nothing to enter)')}));
        noteCell = h('td', {text: '—'});
      } else {
        const n = entries.length;
        entries.push(row);
        const actualId = `actual-${n}`;
        const input = h('input', {id: actualId, name: `entries[${n}].actual`, inputmode: 'decimal', class: 'actual-input',
          'aria-label': tr(ctx, `${label} の実績値 (${row.unit})`, `Actual of ${label} (${row.unit})`),
          'aria-describedby': `${actualId}-error`, disabled: !canWrite});
        input.value = row.actual ?? '';
        const note = h('input', {id: `note-${n}`, name: `entries[${n}].note`, class: 'note-input', maxlength: 1000,
          'aria-label': tr(ctx, `${label} の実績の説明`, `Note on the actual of ${label}`),
          'aria-describedby': `note-${n}-error`, disabled: !canWrite});
        note.value = row.note ?? '';
        actualCell = h('td', {}, input, h('p', {class: 'field-error', id: `${actualId}-error`, hidden: true}));
        noteCell = h('td', {}, note, h('p', {class: 'field-error', id: `note-${n}-error`, hidden: true}));
      }
      return h('tr', {dataset: {indicator: row.indicatorId}},
          h('th', {scope: 'row'}, label),
          h('td', {text: row.unit}),
          h('td', {text: row.target === null ? '—' : `${num(ctx, row.target, 4)}${targetNote(ctx, row.targetSource)}`}),
          h('td', {text: value(row.previousActual)}),
          actualCell, noteCell);
    });
    const table = h('table', {class: 'list year-table', id: 'actuals-table'},
        h('caption', {text: tr(ctx, `${ctx.fiscalYearLabel(year)} ${unitName} が所管する指標 (${sheet.rows.length} 件)`,
            `Indicators ${unitName} owns, ${ctx.fiscalYearLabel(year)} (${sheet.rows.length})`)}),
        h('thead', {}, h('tr', {},
            h('th', {scope: 'col', text: tr(ctx, '指標', 'Indicator')}),
            h('th', {scope: 'col', text: tr(ctx, '単位', 'Unit')}),
            h('th', {scope: 'col', text: tr(ctx, `目標値 (${ctx.fiscalYearLabel(year)})`, `Target (${ctx.fiscalYearLabel(year)})`)}),
            h('th', {scope: 'col', text: tr(ctx, `前年度の実績値 (${prevLabel})`, `Actual of the year before (${prevLabel})`)}),
            h('th', {scope: 'col', text: tr(ctx, `実績値 (${ctx.fiscalYearLabel(year)})`, `Actual (${ctx.fiscalYearLabel(year)})`)}),
            h('th', {scope: 'col', text: tr(ctx, '実績の説明', 'Note on the actual')}))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', {colspan: 6, text: tr(ctx, 'この組織が所管する指標はありません。', 'This unit owns no indicator.')}))));
    const result = h('div', {id: 'actuals-result'});
    const form = h('form', {id: 'actuals-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearErrors(form);
      const body = {entries: entries.map((row, n) => {
        const a = form.querySelector(`[name="entries[${n}].actual"]`).value.trim().replace(/,/g, '');
        const t = form.querySelector(`[name="entries[${n}].note"]`).value.trim();
        return {indicatorId: row.indicatorId, version: row.version, actual: a === '' ? null : (isNaN(Number(a)) ? a : Number(a)), note: t || null};
      })};
      // A number the API cannot read would fail as malformed JSON: say which field here.
      const bad = body.entries.findIndex((x) => typeof x.actual === 'string');
      if (bad >= 0) {
        showFieldErrors(ctx, form, {status: 400, detail: tr(ctx, '入力内容を確認してください。', 'Please check your input.'),
          errors: [{field: `entries[${bad}].actual`, message: tr(ctx, '数値を入力してください。', 'Enter a number.')}]});
        return;
      }
      const save = form.querySelector('#actuals-save');
      save.disabled = true;
      const reply = await ctx.api('PUT', `indicators/actuals/${year}/units/${encodeURIComponent(unitArg)}`, {body, etag});
      save.disabled = false;
      if (reply.status === 200) {
        await showSheet(tr(ctx, `${entries.length} 件の実績を保存しました。`, `Saved ${entries.length} actual(s).`));
        return;
      }
      if (reply.status === 412) {
        const c = conflictNotice(ctx, () => showSheet());
        c.classList.add('form-summary');
        if (reply.problem && reply.problem.detail) c.prepend(h('p', {class: 'stale-detail', text: reply.problem.detail}));
        form.prepend(c);
        c.focus();
        return;
      }
      showFieldErrors(ctx, form, reply.problem || {status: reply.status});
    }}},
    h('div', {class: 'table-wrap'}, table),
    canWrite && entries.length ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'actuals-save',
      text: tr(ctx, 'まとめて保存', 'Save all')})) : null);
    const done = message ? notice(message, 'info') : null;
    if (done) done.id = 'actuals-saved';
    box.replaceChildren(...[done, form, files(sheet), result].filter(Boolean));
    if (done) {
      ctx.announce(message);
    }

    // ---- the same as a file ----
    function files() {
      const status = h('p', {class: 'list-status', role: 'status', id: 'actuals-file-status'});
      const download = async (accept, ext) => {
        const r = await ctx.api('GET', `indicators/actuals/${year}/units/${encodeURIComponent(unitArg)}?format=${ext}`, {accept, raw: true});
        if (r.status !== 200) {
          status.textContent = problemText(ctx, r.problem, r.status);
          return;
        }
        const url = URL.createObjectURL(r.blob);
        const a = h('a', {href: url, download: `${tr(ctx, '実績入力', 'actuals')}-${year}-${unitName}.${ext}`, hidden: true});
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        status.textContent = tr(ctx, 'シートをダウンロードしました。', 'The sheet was downloaded.');
      };
      const fileInput = h('input', {type: 'file', id: 'actuals-file', name: 'file',
        accept: `.xlsx,.csv,${XLSX},text/csv`, 'aria-describedby': 'actuals-file-hint'});
      const preview = h('div', {id: 'actuals-preview'});
      const upload = h('form', {id: 'actuals-upload', class: 'form', on: {submit: async (e) => {
        e.preventDefault();
        preview.replaceChildren();
        const file = fileInput.files[0];
        if (!file) {
          preview.append(notice(tr(ctx, 'ファイルを選んでください。', 'Choose a file.'), 'error'));
          fileInput.focus();
          return;
        }
        const r = await ctx.api('POST', `indicators/actuals/${year}/units/${encodeURIComponent(unitArg)}/bulk-imports?dryRun=true`, {file});
        if (r.status !== 200) {
          preview.append(problemBox(r));
          preview.querySelector('[role=alert]').focus();
          return;
        }
        showPreview(r.body, r.etag, file);
      }}},
      h('div', {class: 'field'}, h('label', {for: 'actuals-file', text: tr(ctx, '記入したシート (xlsx または CSV)', 'The filled-in sheet (xlsx or CSV)')}),
          fileInput, h('p', {class: 'hint', id: 'actuals-file-hint', text: tr(ctx,
              '「実績値」と「実績の説明」の列を記入してください。CSV は UTF-8 か Shift_JIS。まず変更内容を確認し、それから反映します。',
              'Fill in the "Actual" and "Note on the actual" columns. CSV in UTF-8 or Shift_JIS. You see what changes first, then apply it.')})),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn', id: 'actuals-preview-button', text: tr(ctx, '変更内容を確認', 'Preview changes')})));

      function problemBox(r) {
        const p = r.problem || {};
        return h('div', {class: 'notice notice-error', role: 'alert', tabindex: '-1'}, h('p', {text: problemText(ctx, p, r.status)}),
            p.errors && p.errors.length ? h('ul', {}, p.errors.map((x) => h('li', {text: x.message}))) : null);
      }

      function showPreview(report, previewEtag, file) {
        const v = (x) => (x === null || x === undefined ? '—' : num(ctx, x, 4));
        const changed = report.changes.filter((c) => c.changed);
        const apply = h('button', {type: 'button', class: 'btn btn-primary', id: 'actuals-apply', text: tr(ctx, 'この内容で反映する', 'Apply these changes'),
          on: {click: async () => {
            apply.disabled = true;
            const r = await ctx.api('POST', `indicators/actuals/${year}/units/${encodeURIComponent(unitArg)}/bulk-imports`, {file, etag: previewEtag});
            if (r.status === 200) {
              await showSheet(tr(ctx, `ファイルから ${r.body.changedCount} 件の実績を反映しました。`, `Applied ${r.body.changedCount} change(s) from the file.`));
              return;
            }
            apply.disabled = false;
            const box412 = r.status === 412 ? conflictNotice(ctx, () => showSheet()) : problemBox(r);
            preview.prepend(box412);
            box412.focus();
          }}});
        const heading = h('h3', {id: 'actuals-preview-heading', tabindex: '-1', text: tr(ctx, `変更内容の確認: ${changed.length} 件が変わります`, `Preview: ${changed.length} change(s)`)});
        preview.replaceChildren(heading,
            h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'actuals-preview-table'},
                h('caption', {text: tr(ctx, '実績値と説明の変更 (変更前 → 変更後)', 'Actuals and notes (before → after)')}),
                h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Row'), tr(ctx, '指標', 'Indicator'), tr(ctx, '実績値', 'Actual'), tr(ctx, '実績の説明', 'Note'), tr(ctx, '変更', 'Change')]
                    .map((t) => h('th', {scope: 'col', text: t})))),
                h('tbody', {}, report.changes.length ? report.changes.map((c) => h('tr', {class: c.changed ? 'changed' : ''},
                    h('td', {text: c.line ?? ''}), h('th', {scope: 'row', text: `${c.code ? `${c.code} ` : ''}${c.nameJa}`}),
                    h('td', {text: `${v(c.actualBefore)} → ${v(c.actualAfter)}`}),
                    h('td', {text: `${c.noteBefore || '—'} → ${c.noteAfter || '—'}`}),
                    h('td', {text: c.changed ? tr(ctx, '変更あり', 'changes') : tr(ctx, '変更なし', 'no change')})))
                  : h('tr', {}, h('td', {colspan: 5, text: tr(ctx, '反映する行はありません。', 'No row to apply.')}))))),
            h('div', {class: 'actions'}, apply));
        heading.focus();
      }

      return h('section', {'aria-labelledby': 'actuals-files-heading'},
          h('h2', {id: 'actuals-files-heading', text: tr(ctx, 'Excel / CSV で入力する', 'Fill it in with Excel / CSV')}),
          h('div', {class: 'toolbar'},
              h('button', {type: 'button', class: 'btn', id: 'actuals-xlsx', text: tr(ctx, 'シートをダウンロード (xlsx)', 'Download the sheet (xlsx)'),
                on: {click: () => download(XLSX, 'xlsx')}}),
              h('button', {type: 'button', class: 'btn', id: 'actuals-csv', text: tr(ctx, 'シートをダウンロード (CSV)', 'Download the sheet (CSV)'),
                on: {click: () => download('text/csv', 'csv')}})),
          status, canWrite ? upload : null, preview);
    }
  }
}

/** What a target that is not the year's own is: the final target, or the line towards it. */
function targetNote(ctx, source) {
  return source === 'FINAL' ? tr(ctx, ' (最終目標)', ' (final target)')
    : source === 'INTERPOLATED' ? tr(ctx, ' (按分)', ' (interpolated)') : '';
}
