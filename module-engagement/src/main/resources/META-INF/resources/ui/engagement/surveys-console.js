// アンケート (surveys) in the staff console: #/{lg}/engagement/engagement-surveys[/<id>]. The list (filters fiscal
// year / period, CSV) with the form to write a survey; one survey: its details and questions sent with If-Match
// (questions frozen once answers exist: the editor is then read-only and the questions are left out), invitation
// codes (issue N, CSV for printing), paper answers typed in, the results with a bar per choice and a breakdown
// by one attribute, the raw answers as CSV; paper answers imported from a CSV file in the survey's template (a
// refused file lists each failing row and column); a survey with no answers that is not open may be deleted. Choices are written one a line; a leading "*" marks a choice that
// counts toward the question's indicator metric. DOM built with kit.js, never innerHTML.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts, downloadCsv, problemText, conflictNotice} from '/ui/core/kit.js';

const KINDS = {SINGLE: ['単一選択', 'Single choice'], MULTIPLE: ['複数選択', 'Multiple choice'], SCALE: ['5段階評価', '5-point scale'],
  NUMBER: ['数値', 'Number'], TEXT: ['自由記述', 'Free text']};
const ATTRIBUTES = {AGE_GROUP: ['年代', 'Age group'], DISTRICT: ['地区', 'District'], SEX: ['性別', 'Sex']};
const PHASES = {UPCOMING: ['回答期間前', 'Not open yet'], OPEN: ['回答受付中', 'Open'], CLOSED: ['回答期間終了', 'Closed']};
const canHandle = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const options = (ctx, map) => Object.entries(map).map(([v, l]) => ({value: v, label: tr(ctx, l[0], l[1])}));

/** A share as the API gives it (one decimal), written with its decimal: 100.0, 86.5. */
const pct = (v) => Number(v).toFixed(1);

function fiscalYears() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  const current = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const years = [];
  for (let y = current + 1; y >= current - 8; y -= 1) years.push(y);
  return years;
}

function wareki(ctx, y) {
  if (ctx.lang === 'en') return `FY${y}`;
  if (y >= 2019) return y === 2019 ? '令和元年度' : `令和${y - 2018}年度`;
  return `平成${y - 1988}年度`;
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id) await detail(root, ctx, id);
  else await list(root, ctx);
}

/** The question editor: one block per question; returns {element, read()}. */
function questionEditor(ctx, questions, frozen) {
  const box = h('fieldset', {class: 'survey-questions', id: 'survey-questions'}, h('legend', {text: tr(ctx, '設問', 'Questions')}));
  if (frozen) box.append(notice(tr(ctx, '回答が届いているため、設問は変更できません。', 'Answers have arrived: the questions cannot change.')));
  const rows = [];
  const addRow = (q) => {
    const n = rows.length;
    const row = h('div', {class: 'survey-question-edit', dataset: {index: String(n)}},
      h('h3', {text: `${tr(ctx, '問', 'Q')}${n + 1}`}),
      field(ctx, {name: `questions[${n}].kind`, type: 'select', label: tr(ctx, '形式', 'Kind'), value: q.kind || 'SINGLE', options: options(ctx, KINDS)}),
      field(ctx, {name: `questions[${n}].text`, label: tr(ctx, '設問文', 'Question'), value: q.text || '', required: true, attrs: {maxlength: 500}}),
      field(ctx, {name: `questions[${n}].required`, type: 'checkbox', label: tr(ctx, '回答必須', 'Required'), value: !!q.required}),
      field(ctx, {name: `questions[${n}].choices`, type: 'textarea', label: tr(ctx, '選択肢 (1行に1つ。指標の集計対象は先頭に *)', 'Choices (one a line; * first marks those counted for indicators)'),
        value: (q.choices || []).map((c) => `${c.counted ? '*' : ''}${c.label}`).join('\n')}),
      field(ctx, {name: `questions[${n}].metricKey`, label: tr(ctx, '指標用キー (任意、例: koho-read)', 'Metric key (optional, e.g. koho-read)'), value: q.metricKey || '', attrs: {maxlength: 40}}));
    if (frozen) row.querySelectorAll('input,select,textarea').forEach((e) => { e.disabled = true; });
    rows.push(row);
    box.insertBefore(row, more);
  };
  const more = h('button', {type: 'button', class: 'btn', id: 'add-question', text: tr(ctx, '設問を追加', 'Add a question'), on: {click: () => addRow({})}});
  if (frozen) more.hidden = true;
  box.append(more);
  (questions.length ? questions : [{}]).forEach(addRow);
  const read = () => rows.map((row) => {
    const v = (k) => row.querySelector(`[name$=".${k}"]`);
    const kind = v('kind').value;
    const choices = (kind === 'SINGLE' || kind === 'MULTIPLE') ? v('choices').value.split('\n').map((l) => l.trim()).filter((l) => l)
      .map((l) => ({label: l.replace(/^\*\s*/, ''), counted: l.startsWith('*')})) : [];
    return {kind, text: v('text').value, required: v('required').checked, metricKey: v('metricKey').value.trim() || null, choices};
  });
  return {element: box, read};
}

function surveyFields(ctx, s) {
  return [
    field(ctx, {name: 'title', label: tr(ctx, '名称', 'Title'), required: true, value: s.title || '', attrs: {maxlength: 200}}),
    field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), value: String(s.fiscalYear || fiscalYears()[1]),
      options: fiscalYears().map((y) => ({value: String(y), label: wareki(ctx, y)}))}),
    field(ctx, {name: 'opensOn', type: 'date', label: tr(ctx, '回答期間の開始日', 'Opens on'), required: true, value: s.opensOn || ''}),
    field(ctx, {name: 'closesOn', type: 'date', label: tr(ctx, '回答期間の終了日', 'Closes on'), required: true, value: s.closesOn || ''}),
    field(ctx, {name: 'population', type: 'number', label: tr(ctx, '調査対象者数 (例: 住民基本台帳から無作為抽出した 2,000 人)', 'Population surveyed (e.g. 2,000 drawn from the register)'),
      value: s.population == null ? '' : String(s.population)}),
    field(ctx, {name: 'description', type: 'textarea', label: tr(ctx, '説明 (ポータルに表示)', 'Description (shown on the portal)'), value: s.description || ''}),
    ...Object.entries(ATTRIBUTES).map(([k, l]) => field(ctx, {name: `attr-${k}`, type: 'checkbox', label: tr(ctx, `${l[0]}を尋ねる`, `Ask for ${l[1].toLowerCase()}`),
      value: (s.attributes || []).includes(k)})),
    field(ctx, {name: 'districts', type: 'textarea', label: tr(ctx, '地区 (1行に1つ)', 'Districts (one a line)'), value: (s.districts || []).join('\n')}),
    field(ctx, {name: 'usesCodes', type: 'checkbox', label: tr(ctx, '回答用コードを使う (調査票に印刷)', 'Use invitation codes (printed on the letters)'), value: !!s.usesCodes}),
  ];
}

function surveyBody(form, editor, includeQuestions, published) {
  const f = form.elements;
  const population = f.population.value.trim();
  const body = {title: f.title.value, fiscalYear: Number(f.fiscalYear.value), opensOn: f.opensOn.value || null, closesOn: f.closesOn.value || null,
    population: population === '' ? null : (/^\d+$/.test(population) ? Number(population) : population), description: f.description.value,
    attributes: Object.keys(ATTRIBUTES).filter((k) => f[`attr-${k}`].checked),
    districts: f.districts.value.split('\n').map((d) => d.trim()).filter((d) => d), usesCodes: f.usesCodes.checked, resultsPublished: published};
  if (includeQuestions) body.questions = editor.read();
  return body;
}

async function list(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, 'アンケートの絞り込み', 'Filter surveys'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...fiscalYears().map((y) => ({value: String(y), label: wareki(ctx, y)}))]}),
  field(ctx, {name: 'phase', type: 'select', label: tr(ctx, '期間', 'Period'), options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...options(ctx, PHASES)]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['fiscalYear', 'phase']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'engagement/surveys', csv: `surveys-${ctx.lgCode}.csv`, caption: tr(ctx, 'アンケートの一覧', 'Surveys'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value, phase: filters.elements.phase.value}),
    columns: [
      {label: tr(ctx, '名称', 'Title'), render: (s) => h('a', {href: ctx.href(s.id), class: 'survey-link'}, s.title)},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (s) => s.fiscalYearLabel},
      {label: tr(ctx, '期間', 'Period'), render: (s) => `${s.opensOn} – ${s.closesOn}（${s.phaseLabel}）`},
      {label: tr(ctx, '回答数', 'Answers'), render: (s) => String(s.responses)},
      {label: tr(ctx, '回答率', 'Response rate'), render: (s) => (s.responseRate == null ? '—' : `${pct(s.responseRate)}%`)},
      {label: tr(ctx, '結果', 'Results'), render: (s) => (s.resultsPublished ? tr(ctx, '公表中', 'Published') : tr(ctx, '非公表', 'Not published'))},
    ],
  });
  let create = null;
  if (canHandle(ctx)) {
    const editor = questionEditor(ctx, [], false);
    const form = h('form', {class: 'form survey-create', id: 'survey-create', novalidate: true}, ...surveyFields(ctx, {}), editor.element,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'create-survey', text: tr(ctx, '登録する', 'Create')})));
    const result = h('div', {'aria-live': 'polite'});
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      const r = await submit(ctx, form, {method: 'POST', path: 'engagement/surveys', body: surveyBody(form, editor, true, false)});
      if (r) {
        result.append(notice(tr(ctx, `「${r.body.title}」を登録しました。`, `Created "${r.body.title}".`), 'info',
          h('a', {href: ctx.href(r.body.id)}, tr(ctx, '開く', 'Open'))));
        await table.reload();
      }
    });
    create = h('details', {class: 'survey-create-box'}, h('summary', {text: tr(ctx, 'アンケートを作成する', 'Write a survey')}), form, result);
  }
  add(root, create, filters, table.element);
  await table.reload();
}

function resultTable(ctx, counts, caption) {
  return h('div', {class: 'table-wrap'}, h('table', {class: 'survey-bars'}, h('caption', {text: caption}),
    h('thead', {}, h('tr', {}, ...[tr(ctx, '回答', 'Answer'), tr(ctx, '件数', 'Count'), tr(ctx, '割合', 'Share')].map((x) => h('th', {scope: 'col', text: x})))),
    h('tbody', {}, ...counts.map((c) => {
      const bar = h('span', {class: 'survey-bar', 'aria-hidden': 'true'});
      bar.style.width = `${Math.max(0, Math.min(100, Number(c.share || 0))) * 0.6}%`;
      return h('tr', {}, h('th', {scope: 'row', text: c.label}), h('td', {text: String(c.count)}), h('td', {}, bar, c.share == null ? '—' : `${pct(c.share)}%`));
    }))));
}

async function results(ctx, path, by) {
  const r = await ctx.api('GET', `${path}/results${by ? `?by=${by}` : ''}`);
  const box = h('div', {class: 'survey-results-body'});
  if (r.status !== 200) return errorNotice(ctx, {problem: r.problem, status: r.status});
  box.append(facts([[tr(ctx, '回答数', 'Respondents'), String(r.body.respondents)],
    [tr(ctx, '回答率', 'Response rate'), r.body.responseRate == null ? '—' : `${pct(r.body.responseRate)}%`]]));
  for (const q of r.body.questions) {
    const sec = h('section', {class: 'survey-result'}, h('h3', {text: `${tr(ctx, '問', 'Q')}${q.seq}. ${q.text}`}),
      h('p', {text: tr(ctx, `回答 ${q.answered} 人`, `${q.answered} answered`) + (q.mean != null ? tr(ctx, `・平均 ${q.mean}`, ` · mean ${q.mean}`) : '')}));
    if (q.counts.length) sec.append(resultTable(ctx, q.counts, tr(ctx, '全体', 'All')));
    for (const c of q.breakdown || []) if (c.answered) sec.append(resultTable(ctx, c.counts, `${r.body.byLabel}: ${c.label}（${c.answered}）`));
    box.append(sec);
  }
  return box;
}

/** A paper form typed in: one field per question. */
function paperForm(ctx, s, path, reload) {
  const form = h('form', {class: 'form survey-paper', id: 'survey-paper', novalidate: true}, h('h2', {text: tr(ctx, '紙の回答を入力', 'Type in a paper answer')}),
    field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日', 'Received on')}));
  for (const a of s.attributes) {
    const opts = a === 'DISTRICT' ? s.districts.map((d) => ({value: d, label: d}))
      : a === 'SEX' ? [['FEMALE', '女性', 'Female'], ['MALE', '男性', 'Male'], ['OTHER', 'その他・答えたくない', 'Other']].map(([v, j, e]) => ({value: v, label: tr(ctx, j, e)}))
        : [['UNDER_20', '19歳以下'], ['AGE_20S', '20代'], ['AGE_30S', '30代'], ['AGE_40S', '40代'], ['AGE_50S', '50代'], ['AGE_60S', '60代'], ['AGE_70_PLUS', '70歳以上']].map(([v, l]) => ({value: v, label: l}));
    const name = a === 'AGE_GROUP' ? 'ageGroup' : a === 'SEX' ? 'sex' : 'district';
    form.append(field(ctx, {name, type: 'select', label: tr(ctx, ATTRIBUTES[a][0], ATTRIBUTES[a][1]), options: [{value: '', label: tr(ctx, '無回答', 'No answer')}, ...opts]}));
  }
  s.questions.forEach((q, i) => {
    if (q.kind === 'SINGLE' || q.kind === 'MULTIPLE') {
      const box = h('fieldset', {dataset: {q: String(i)}}, h('legend', {text: `${tr(ctx, '問', 'Q')}${q.seq}. ${q.text}`}));
      q.choices.forEach((c) => {
        const id = `paper-${q.seq}-${c.seq}`;
        box.append(h('div', {}, h('input', {type: q.kind === 'SINGLE' ? 'radio' : 'checkbox', name: `q${q.seq}`, value: c.id, id}), h('label', {for: id, text: c.label})));
      });
      form.append(box);
    } else {
      form.append(field(ctx, {name: `q${q.seq}`, type: q.kind === 'TEXT' ? 'textarea' : 'number', label: `${tr(ctx, '問', 'Q')}${q.seq}. ${q.text}`}));
    }
  });
  form.append(h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-paper', text: tr(ctx, '回答を登録', 'Record the answer')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const answers = [];
    for (const q of s.questions) {
      if (q.kind === 'SINGLE' || q.kind === 'MULTIPLE') {
        const ids = [...form.querySelectorAll(`[name="q${q.seq}"]:checked`)].map((x) => x.value);
        if (ids.length) answers.push({questionId: q.id, choiceIds: ids});
      } else {
        const v = f[`q${q.seq}`].value.trim();
        if (v) answers.push(q.kind === 'TEXT' ? {questionId: q.id, text: v} : {questionId: q.id, number: Number(v)});
      }
    }
    const body = {answers, receivedOn: f.receivedOn.value || null};
    if (f.ageGroup && f.ageGroup.value) body.ageGroup = f.ageGroup.value;
    if (f.sex && f.sex.value) body.sex = f.sex.value;
    if (f.district && f.district.value) body.district = f.district.value;
    const r = await submit(ctx, form, {method: 'POST', path: `${path}/answers`, body});
    if (r) await reload(tr(ctx, `回答を登録しました (${r.body.receiptNumber})。`, `Answer recorded (${r.body.receiptNumber}).`));
  });
  return form;
}

/** POSTs a file's bytes as they are (the server reads UTF-8 or Shift_JIS), with the session's CSRF token. */
async function upload(ctx, path, bytes) {
  const s = await ctx.rawApi('GET', '/api/v1/session');
  const headers = {'Content-Type': 'text/csv', Accept: 'application/json', 'Accept-Language': ctx.lang};
  if (s.body && s.body.csrfToken) headers['X-CSRF-Token'] = s.body.csrfToken;
  const r = await fetch(`/api/v1/municipalities/${encodeURIComponent(ctx.lgCode)}/${path}`,
    {method: 'POST', headers, body: bytes, credentials: 'same-origin'});
  const type = r.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await r.json().catch(() => null) : null;
  return {status: r.status, body: type.includes('problem') ? null : json,
    problem: type.includes('problem') ? json : (r.ok ? null : {status: r.status, title: r.statusText})};
}

/** Paper answers from a CSV file: the template to fill, the upload, the report or the rows refused. */
function importForm(ctx, path, id, reload) {
  const fileField = field(ctx, {name: 'file', type: 'file', id: 'survey-import-file', required: true, label: tr(ctx, '回答のファイル (CSV)', 'Answers file (CSV)'),
    hint: tr(ctx, 'ひな形の見出しのまま、調査票 1 枚を 1 行に。整理番号は調査票ごとに振ってください (取り込み済みの番号は飛ばします)。選択肢は番号か文言、複数は「、」で区切ります。UTF-8 / Shift_JIS。',
      'Keep the template\'s headers, one row per answer sheet. Number each sheet (numbers imported before are skipped). Choices by number or words, several separated by "、". UTF-8 / Shift_JIS.')});
  fileField.querySelector('input').setAttribute('accept', '.csv,.txt,text/csv,text/plain');
  const result = h('div', {id: 'survey-import-result', 'aria-live': 'polite'});
  const form = h('form', {class: 'form survey-import', id: 'survey-import', novalidate: true}, h('h2', {text: tr(ctx, '紙の回答を CSV から取り込む', 'Import paper answers from CSV')}),
    h('p', {}, h('button', {type: 'button', class: 'btn', id: 'survey-template', text: tr(ctx, 'ひな形 (CSV) をダウンロード', 'Download the template (CSV)'),
      on: {click: () => downloadCsv(ctx, `${path}/answers/template`, {}, `survey-template-${id}.csv`)}})),
    fileField, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'survey-import-run', text: tr(ctx, '取り込む', 'Import')})), result);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = form.elements.file;
    const errorP = document.getElementById('survey-import-file-error');
    const file = input.files && input.files[0];
    if (!file) {
      if (errorP) { errorP.textContent = tr(ctx, 'ファイルを選んでください。', 'Choose a file.'); errorP.hidden = false; }
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    if (errorP) errorP.hidden = true;
    input.removeAttribute('aria-invalid');
    result.replaceChildren(h('p', {role: 'status', text: tr(ctx, '処理中…', 'Working…')}));
    const r = await upload(ctx, `${path}/answers/bulk-imports`, await file.arrayBuffer());
    if (r.status === 201) {
      const b = r.body;
      await reload(tr(ctx, `${b.imported} 件の回答を取り込みました (取り込み済みで飛ばした整理番号 ${b.skipped} 件${b.skipped ? `: ${b.skippedSheets.join('、')}` : ''})。`,
        `Imported ${b.imported} answer(s); ${b.skipped} sheet number(s) imported before were skipped${b.skipped ? `: ${b.skippedSheets.join(', ')}` : ''}.`));
      return;
    }
    if (r.status === 422 && r.problem) {
      const rows = (r.problem.errors || []).map((e) => {
        const m = /^line\[(\d+)\]/.exec(e.field || '');
        return {line: m ? m[1] : '—', message: e.message};
      });
      result.replaceChildren(h('h3', {id: 'survey-import-rejected', text: tr(ctx, '取り込めませんでした', 'The file was not imported')}),
        notice(r.problem.detail || problemText(ctx, r.problem, 422), 'error'),
        h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'survey-import-errors'}, h('caption', {text: tr(ctx, '誤りのある行', 'Rows with errors')}),
          h('thead', {}, h('tr', {}, [tr(ctx, '行', 'Row'), tr(ctx, '理由', 'Reason')].map((t) => h('th', {scope: 'col', text: t})))),
          h('tbody', {}, rows.map((x) => h('tr', {}, h('th', {scope: 'row', class: 'num', text: x.line}), h('td', {text: x.message})))))));
      return;
    }
    result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
  });
  return form;
}

async function detail(root, ctx, id) {
  const path = `engagement/surveys/${encodeURIComponent(id)}`;
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← アンケートの一覧へ', '← All surveys')));
  const r = await ctx.api('GET', path);
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const s = r.body;
  ctx.setTitle(s.title);
  const reload = async (message) => {
    root.replaceChildren();
    await detail(root, ctx, id);
    if (typeof message === 'string') root.prepend(notice(message));
  };
  add(root, back, facts([
    [tr(ctx, '年度', 'Fiscal year'), s.fiscalYearLabel], [tr(ctx, '期間', 'Period'), `${s.opensOn} – ${s.closesOn}（${s.phaseLabel}）`],
    [tr(ctx, '回答数', 'Answers'), h('span', {class: 'survey-responses', text: String(s.responses)})],
    [tr(ctx, '回答率', 'Response rate'), s.responseRate == null ? '—' : `${pct(s.responseRate)}%`],
    [tr(ctx, '回答用コード', 'Invitation codes'), s.usesCodes ? String(s.codesIssued) : tr(ctx, '使わない', 'Not used')],
    [tr(ctx, '結果', 'Results'), s.resultsPublished ? tr(ctx, '公表中', 'Published') : tr(ctx, '非公表', 'Not published')],
  ]));
  // Results (everyone who may see the survey), with a breakdown by one attribute.
  const by = h('select', {id: 'survey-by', 'aria-label': tr(ctx, '内訳', 'Break down by')}, h('option', {value: '', text: tr(ctx, '全体', 'All')}),
    ...s.attributes.map((a) => h('option', {value: a, text: tr(ctx, ATTRIBUTES[a][0], ATTRIBUTES[a][1])})));
  const resultBox = h('section', {class: 'survey-results', id: 'survey-results'}, h('h2', {text: tr(ctx, '集計結果', 'Results')}), by);
  let body = await results(ctx, path, '');
  resultBox.append(body);
  by.addEventListener('change', async () => { const next = await results(ctx, path, by.value); body.replaceWith(next); body = next; });
  if (canHandle(ctx)) {
    resultBox.append(h('p', {}, h('button', {type: 'button', class: 'btn', id: 'answers-csv', text: tr(ctx, '回答データ (CSV、自由記述を含む)', 'Raw answers (CSV, free text included)'),
      on: {click: () => downloadCsv(ctx, `${path}/answers`, {}, `survey-answers-${id}.csv`)}})));
    const editor = questionEditor(ctx, s.questions, s.questionsFrozen);
    const publish = h('input', {type: 'checkbox', name: 'resultsPublished', id: 'survey-publish'});
    publish.checked = !!s.resultsPublished;
    const form = h('form', {class: 'form', id: 'survey-form', novalidate: true}, h('h2', {text: tr(ctx, 'アンケートの内容', 'The survey')}),
      ...surveyFields(ctx, s), editor.element,
      h('div', {class: 'field'}, publish, h('label', {for: 'survey-publish', text: tr(ctx, '結果をポータルで公表する (回答期間の終了後、決裁権限者のみ)', 'Publish the results on the portal (after the period; approvers only)')})),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-survey', text: tr(ctx, '保存', 'Save')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const saved = await submit(ctx, form, {method: 'PUT', path, etag: r.etag, reload, body: surveyBody(form, editor, !s.questionsFrozen, publish.checked)});
      if (saved) await reload(tr(ctx, '保存しました。', 'Saved.'));
    });
    root.append(form);
    if (s.usesCodes) {
      const codes = h('form', {class: 'form', id: 'survey-codes', novalidate: true}, h('h2', {text: tr(ctx, '回答用コード', 'Invitation codes')}),
        field(ctx, {name: 'count', type: 'number', label: tr(ctx, '発行する数', 'How many to issue'), value: '100'}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'issue-codes', text: tr(ctx, '発行する', 'Issue')}),
          h('button', {type: 'button', class: 'btn', id: 'codes-csv', text: tr(ctx, '印刷用 CSV', 'CSV for printing'),
            on: {click: () => downloadCsv(ctx, `${path}/codes`, {}, `survey-codes-${id}.csv`)}})));
      codes.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const v = codes.elements.count.value.trim();
        const done = await submit(ctx, codes, {method: 'POST', path: `${path}/codes`, etag: r.etag, reload, body: {count: /^\d+$/.test(v) ? Number(v) : v}});
        if (done) await reload(tr(ctx, 'コードを発行しました。', 'Codes issued.'));
      });
      root.append(codes);
    }
    root.append(paperForm(ctx, s, path, reload));
    if (s.phase !== 'UPCOMING') root.append(importForm(ctx, path, id, reload));
    if (s.responses === 0 && s.phase !== 'OPEN') {
      const removeBox = h('section', {class: 'survey-delete', id: 'survey-delete-box'}, h('h2', {text: tr(ctx, 'アンケートの削除', 'Delete the survey')}),
        h('p', {text: tr(ctx, '回答が届いておらず回答受付中でもないため、削除できます (設問・回答用コードも消えます)。', 'No answers have arrived and it is not open: it can be deleted (with its questions and codes).')}));
      const button = h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-survey', text: tr(ctx, 'このアンケートを削除', 'Delete this survey'),
        on: {click: async () => {
          if (!window.confirm(tr(ctx, `「${s.title}」を削除します。よろしいですか。`, `Delete "${s.title}"?`))) return;
          const d = await ctx.api('DELETE', path, {etag: r.etag});
          if (d.status === 204) {
            window.location.hash = ctx.href();
            ctx.announce && ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
          } else if (d.status === 412) {
            removeBox.append(conflictNotice(ctx, reload));
          } else {
            removeBox.append(notice(problemText(ctx, d.problem, d.status), 'error'));
          }
        }}});
      removeBox.append(button);
      root.append(removeBox);
    }
  }
  root.append(resultBox);
  root.prepend(h('link', {rel: 'stylesheet', href: '/ui/engagement/surveys.css'}));
}
