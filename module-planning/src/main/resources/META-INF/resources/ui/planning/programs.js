// The planning module's console screen "事務事業 / Administrative programs". Shipped in the module's
// jar (META-INF/resources/ui/planning/) and declared in PlanningModule.ui(); the console loads it only
// where planning is enabled. Routes (after #/{lg}/planning/planning-programs):
//   (none)              the programs of a fiscal year, paged, with CSV
//   /new, /{id}/edit    the program form (all fields of the evaluation sheet, yearly costs)
//   /{id}               the program: its fields, costs with the personnel cost and total the API computes,
//                       the Excel evaluation sheet, its evaluations
//   /{id}/evaluation/{fiscalYear}  the evaluation workflow (self → secondary → external → final)
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts, num, problemText, conflictNotice} from '/ui/core/kit.js';

const METHODS = [
  ['DIRECT', '直営', 'Direct'], ['PARTLY_OUTSOURCED', '一部委託', 'Partly outsourced'], ['OUTSOURCED', '委託', 'Outsourced'],
  ['SUBSIDY', '補助', 'Subsidy'], ['DESIGNATED_MANAGER', '指定管理', 'Designated manager'],
  ['CONTRIBUTION', '負担金', 'Contribution'], ['OTHER', 'その他', 'Other'],
];

const FUNDING = [
  ['programCost', '事業費', 'Program cost'], ['nationalSubsidy', '国庫支出金', 'National subsidy'],
  ['prefecturalSubsidy', '県支出金', 'Prefectural subsidy'], ['bonds', '地方債', 'Bonds'],
  ['otherRevenue', 'その他', 'Other revenue'], ['generalRevenue', '一般財源', 'General revenue'],
];
const STAFF = [['regularStaffFte', '正職員 (人)', 'Regular staff (FTE)'], ['otherStaffFte', 'その他職員 (人)', 'Other staff (FTE)']];

const STEPS = ['SELF', 'SECONDARY', 'EXTERNAL', 'FINAL'];

export default async function render(root, ctx) {
  const [id, sub, fy] = ctx.args;
  if (id === 'new') return form(root, ctx, null);
  if (id && sub === 'edit') return form(root, ctx, id);
  if (id && sub === 'evaluation') return evaluation(root, ctx, id, fy);
  if (id) return detail(root, ctx, id);
  return list(root, ctx);
}

async function list(root, ctx) {
  const year = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'),
    hint: tr(ctx, '例: 2020, R2, 令和2年度 (空欄ですべて)', 'e.g. 2020, R2, FY2020 (empty: all)')});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '事務事業の絞り込み', 'Filter programs'),
    on: {submit: (e) => { e.preventDefault(); programs.reload(); }}},
  year, h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const programs = pagedList(ctx, {
    path: 'planning/programs', csv: `programs-${ctx.lgCode}.csv`, xlsx: `programs-${ctx.lgCode}.xlsx`, caption: tr(ctx, '事務事業の一覧', 'Administrative programs'),
    query: () => ({fiscalYear: filters.fiscalYear.value.trim()}),
    columns: [
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => ctx.fiscalYearLabel(p.fiscalYear.year)},
      {label: tr(ctx, '番号', 'No.'), render: (p) => p.programNumber || p.serialNumber || ''},
      {label: tr(ctx, '事務事業名', 'Program'), render: (p) => h('a', {href: ctx.href(p.id), class: 'program-link'}, p.name)},
      {label: tr(ctx, '担当課', 'Division'), render: (p) => p.unitLabel || p.unitName || ''},
      {label: tr(ctx, '目的', 'Purpose'), render: (p) => p.purpose || ''},
    ],
  });
  const mayEdit = ctx.caller.role !== 'VIEWER';
  root.append(mayEdit ? h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-program', href: ctx.href('new'),
    text: tr(ctx, '事務事業を登録', 'Add a program')})) : null, filters, programs.element);
  await programs.reload();
}

async function load(ctx, id) {
  const r = await ctx.api('GET', `planning/programs/${encodeURIComponent(id)}`);
  if (r.status !== 200) throw Object.assign(new Error(String(r.status)), {status: r.status, problem: r.problem});
  return r;
}

async function choices(ctx) {
  const [units, indicators, plans] = await Promise.all([
    ctx.getJson('organization-units?size=500').then((p) => p.items).catch(() => []),
    ctx.getJson('indicators?size=500').then((p) => p.items).catch(() => []),
    ctx.getJson('planning/plans?size=100').then((p) => p.items).catch(() => []),
  ]);
  const trees = await Promise.all(plans.map((p) => ctx.getJson(`planning/plans/${p.id}/nodes?size=500`)
      .then((n) => ({plan: p, nodes: n.items})).catch(() => ({plan: p, nodes: []}))));
  return {units, indicators, trees};
}

function nodeLabel(n) {
  return `${'　'.repeat(Math.max(0, n.level - 1))}${n.number ? `${n.number} ` : ''}${n.title}`;
}

const fyText = (v) => (v && typeof v === 'object' ? String(v.year) : (v ?? ''));
const fyValue = (s) => (s.trim() === '' ? null : (/^\d{4}$/.test(s.trim()) ? Number(s.trim()) : s.trim()));
const numValue = (s) => { const t = s.trim().replace(/,/g, ''); return t === '' ? null : (/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t); };

async function form(root, ctx, id) {
  let p = {costs: [], activityIndicatorIds: [], outcomeIndicatorIds: []};
  let etag = null;
  if (id) {
    try {
      const r = await load(ctx, id);
      p = r.body;
      etag = r.etag;
    } catch (err) {
      root.append(errorNotice(ctx, err));
      return;
    }
    ctx.setTitle(tr(ctx, `事務事業の編集: ${p.name}`, `Edit program: ${p.name}`));
  } else {
    ctx.setTitle(tr(ctx, '事務事業の登録', 'Add a program'));
  }
  const {units, indicators, trees} = await choices(ctx);
  const f = h('form', {class: 'form', id: 'program-form', novalidate: true});
  const planSelect = field(ctx, {name: 'planNodeId', type: 'select', label: tr(ctx, '総合計画上の位置づけ', 'Position in the plan'), id: 'prog-planNodeId',
    options: [{value: '', label: tr(ctx, '(なし)', '(none)')}]});
  const sel = planSelect.querySelector('select');
  for (const t of trees) {
    sel.append(h('optgroup', {label: t.plan.name}, t.nodes.map((n) => h('option', {value: n.id, text: nodeLabel(n)}))));
  }
  sel.value = p.planNodeId || '';
  const indicatorSelect = (name, label, kind, chosen) => {
    const w = field(ctx, {name, type: 'select', label, id: `prog-${name}`, attrs: {multiple: true, size: 5},
      hint: tr(ctx, 'Ctrl (⌘) を押しながら複数選べます。', 'Hold Ctrl (⌘) to choose several.'),
      options: indicators.filter((i) => !kind || i.kind === kind || chosen.includes(i.id))
          .map((i) => ({value: i.id, label: `${i.code} ${ctx.lang === 'en' && i.nameEn ? i.nameEn : i.nameJa}${i.unit ? ` (${i.unit})` : ''}`}))});
    for (const o of w.querySelectorAll('option')) o.selected = chosen.includes(o.value);
    return w;
  };
  const costsBox = h('div', {id: 'cost-rows'});
  let rows = 0;
  const addCost = (c = {}) => {
    const i = rows++;
    const box = h('fieldset', {class: 'cost-row', dataset: {row: String(i)}},
        h('legend', {text: tr(ctx, `年度別の事業費 ${i + 1}`, `Yearly cost ${i + 1}`)}),
        h('div', {class: 'grid2'},
            field(ctx, {name: `costs[${i}].fiscalYear`, label: tr(ctx, '年度', 'Fiscal year'), value: fyText(c.fiscalYear), id: `cost-${i}-fiscalYear`, required: true}),
            FUNDING.map(([k, ja, en]) => field(ctx, {name: `costs[${i}].${k}`, type: 'number', id: `cost-${i}-${k}`,
              label: tr(ctx, `${ja} (千円)`, `${en} (¥1,000)`), value: c[k] ?? '', required: k === 'programCost',
              hint: k === 'generalRevenue' ? tr(ctx, '空欄: 事業費から他の財源を引いた額', 'Empty: what the other funding leaves') : null})),
            STAFF.map(([k, ja, en]) => field(ctx, {name: `costs[${i}].${k}`, type: 'number', id: `cost-${i}-${k}`,
              label: tr(ctx, ja, en), value: c[k] ?? ''}))),
        h('button', {type: 'button', class: 'btn remove-cost', text: tr(ctx, 'この年度を削除', 'Remove this year'),
          on: {click: () => { box.remove(); }}}));
    costsBox.append(box);
    return box;
  };
  (p.costs || []).forEach((c) => addCost(c));
  const t = (ja, en) => tr(ctx, ja, en);
  add(f,
      h('h2', {text: t('基本情報', 'Basics')}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'fiscalYear', label: t('年度', 'Fiscal year'), value: fyText(p.fiscalYear), required: true, id: 'prog-fiscalYear',
            hint: t('例: 2025, R7, 令和7年度', 'e.g. 2025, R7, FY2025')}),
          field(ctx, {name: 'programNumber', label: t('事業番号', 'Program number'), value: p.programNumber, required: true, id: 'prog-programNumber'}),
          field(ctx, {name: 'serialNumber', type: 'number', label: t('通し番号', 'Serial number'), value: p.serialNumber, id: 'prog-serialNumber'}),
          field(ctx, {name: 'name', label: t('事務事業名', 'Program name'), value: p.name, required: true, id: 'prog-name'}),
          field(ctx, {name: 'unitId', type: 'select', label: t('担当課 (組織)', 'Division (unit)'), value: p.unitId || '', id: 'prog-unitId',
            options: [{value: '', label: t('(なし)', '(none)')}, ...units.map((u) => ({value: u.id, label: `${u.nameJa} (${u.code})`}))]}),
          field(ctx, {name: 'unitName', label: t('担当課名 (表記)', 'Division name (as written)'), value: p.unitName, id: 'prog-unitName'})),
      planSelect,
      h('div', {class: 'grid2'},
          field(ctx, {name: 'legalBasis', label: t('根拠法令等', 'Legal basis'), value: p.legalBasis, id: 'prog-legalBasis'}),
          field(ctx, {name: 'method', type: 'select', label: t('実施手法', 'Method'), value: p.method || '', id: 'prog-method',
            options: [{value: '', label: t('(未設定)', '(not set)')}, ...METHODS.map(([v, ja, en]) => ({value: v, label: t(ja, en)}))]}),
          field(ctx, {name: 'firstFiscalYear', label: t('開始年度', 'First fiscal year'), value: fyText(p.firstFiscalYear), id: 'prog-firstFiscalYear'}),
          field(ctx, {name: 'lastFiscalYear', label: t('終了年度', 'Last fiscal year'), value: fyText(p.lastFiscalYear), id: 'prog-lastFiscalYear',
            hint: t('空欄: 継続', 'Empty: open-ended')})),
      h('h2', {text: t('目的と内容', 'Purpose and content')}),
      field(ctx, {name: 'purpose', type: 'textarea', label: t('目的', 'Purpose'), value: p.purpose, id: 'prog-purpose'}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'purposeTarget', type: 'textarea', label: t('対象 (誰・何を)', 'Target (whom, what)'), value: p.purposeTarget, id: 'prog-purposeTarget'}),
          field(ctx, {name: 'purposeIntent', type: 'textarea', label: t('意図 (どのような状態にしたいか)', 'Intent (what state)'), value: p.purposeIntent, id: 'prog-purposeIntent'}),
          field(ctx, {name: 'purposeResult', type: 'textarea', label: t('結果 (上位の施策にどう貢献するか)', 'Result (contribution to the policy)'), value: p.purposeResult, id: 'prog-purposeResult'})),
      field(ctx, {name: 'overview', type: 'textarea', label: t('事業の概要', 'Overview'), value: p.overview, id: 'prog-overview'}),
      field(ctx, {name: 'results', type: 'textarea', label: t('実績', 'Results'), value: p.results, id: 'prog-results'}),
      h('h2', {text: t('指標', 'Indicators')}),
      h('div', {class: 'grid2'},
          indicatorSelect('activityIndicatorIds', t('活動指標', 'Activity indicators'), 'ACTIVITY', p.activityIndicatorIds || []),
          indicatorSelect('outcomeIndicatorIds', t('成果指標', 'Outcome indicators'), 'OUTCOME', p.outcomeIndicatorIds || [])),
      h('h2', {text: t('年度別の事業費 (千円) と人員', 'Yearly costs (¥1,000) and staff')}),
      h('p', {class: 'hint', text: t('財源の合計は事業費と一致させます。人件費と総事業費は保存後に、自治体の人件費単価から計算して表示します。',
          'The funding adds up to the program cost. The personnel cost and total are computed from the municipality\'s personnel unit cost and shown after saving.')}),
      costsBox,
      h('button', {type: 'button', class: 'btn', id: 'add-cost', text: t('年度を追加', 'Add a year'),
        on: {click: () => { const b = addCost(); b.querySelector('input').focus(); }}}),
      h('div', {class: 'actions'},
          h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-program', text: t('保存', 'Save')}),
          h('a', {class: 'btn', href: id ? ctx.href(id) : ctx.href(), text: t('取り消し', 'Cancel')})));
  if (!id && rows === 0) addCost();
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const e = f.elements;
    const val = (n) => e[n].value.trim() || null;
    const costs = [...costsBox.querySelectorAll('.cost-row')].map((box) => {
      const i = box.dataset.row;
      const c = {fiscalYear: fyValue(f.querySelector(`[name="costs[${i}].fiscalYear"]`).value)};
      for (const [k] of [...FUNDING, ...STAFF]) c[k] = numValue(f.querySelector(`[name="costs[${i}].${k}"]`).value);
      return c;
    });
    // The rows are numbered as drawn; the API numbers them as sent: rename before sending.
    [...costsBox.querySelectorAll('.cost-row')].forEach((box, n) => {
      const i = box.dataset.row;
      box.querySelectorAll('[name]').forEach((el) => { el.name = el.name.replace(`costs[${i}]`, `costs[${n}]`); });
      box.dataset.row = String(n);
    });
    const body = {
      fiscalYear: fyValue(e.fiscalYear.value), programNumber: e.programNumber.value, name: e.name.value,
      serialNumber: numValue(e.serialNumber.value), unitId: val('unitId'), unitName: val('unitName'),
      planNodeId: val('planNodeId'), legalBasis: val('legalBasis'), method: val('method'),
      firstFiscalYear: fyValue(e.firstFiscalYear.value), lastFiscalYear: fyValue(e.lastFiscalYear.value),
      purpose: val('purpose'), purposeTarget: val('purposeTarget'), purposeIntent: val('purposeIntent'),
      purposeResult: val('purposeResult'), overview: val('overview'), results: val('results'),
      activityIndicatorIds: [...e.activityIndicatorIds.selectedOptions].map((o) => o.value),
      outcomeIndicatorIds: [...e.outcomeIndicatorIds.selectedOptions].map((o) => o.value),
      costs,
    };
    const saved = await submit(ctx, f, {method: id ? 'PUT' : 'POST', path: id ? `planning/programs/${encodeURIComponent(id)}` : 'planning/programs',
      body, etag, reload: () => ctx.navigate(ctx.href(id, 'edit'))});
    if (saved) {
      ctx.announce(t('事務事業を保存しました。', 'The program was saved.'));
      ctx.navigate(ctx.href(saved.body.id));
    }
  });
  root.append(f);
}

async function detail(root, ctx, id) {
  const t = (ja, en) => tr(ctx, ja, en);
  let r;
  try {
    r = await load(ctx, id);
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return;
  }
  const p = r.body;
  ctx.setTitle(p.name);
  const {indicators, trees} = await choices(ctx);
  const indName = (iid) => { const i = indicators.find((x) => x.id === iid); return i ? `${i.code} ${ctx.lang === 'en' && i.nameEn ? i.nameEn : i.nameJa}` : iid; };
  let position = '—';
  for (const tr0 of trees) {
    const n = tr0.nodes.find((x) => x.id === p.planNodeId);
    if (n) position = `${tr0.plan.name} › ${n.levelName || ''} ${n.number || ''} ${n.title}`.replace(/\s+/g, ' ');
  }
  const method = METHODS.find(([v]) => v === p.method);
  const message = h('div', {id: 'program-message'});
  const mayEdit = ctx.caller.role !== 'VIEWER';
  const sheetYear = field(ctx, {name: 'sheetYear', label: t('評価シートの年度', 'Fiscal year of the sheet'), value: String(p.fiscalYear.year), id: 'sheet-year'});
  const costTable = h('table', {class: 'list', id: 'program-costs'},
      h('caption', {text: t(`年度別の事業費 (千円、人件費単価 ${num(ctx, p.personnelUnitCost)} 千円/人)`, `Yearly costs (¥1,000; personnel unit cost ${num(ctx, p.personnelUnitCost)})`)}),
      h('thead', {}, h('tr', {}, [t('年度', 'Fiscal year'), ...FUNDING.map(([, ja, en]) => t(ja, en)), t('職員 (人)', 'Staff (FTE)'),
        t('人件費', 'Personnel cost'), t('総事業費', 'Total cost')].map((x) => h('th', {scope: 'col', text: x})))),
      h('tbody', {}, (p.costs || []).length === 0 ? h('tr', {}, h('td', {colspan: 10, text: t('事業費は登録されていません。', 'No costs recorded.')}))
        : p.costs.map((c) => h('tr', {}, h('th', {scope: 'row', text: ctx.fiscalYearLabel(c.fiscalYear.year)}),
            FUNDING.map(([k]) => h('td', {class: 'num', text: num(ctx, c[k])})),
            h('td', {class: 'num', text: num(ctx, c.staffFte)}),
            h('td', {class: 'num personnel-cost', text: num(ctx, c.personnelCost)}),
            h('td', {class: 'num total-cost', text: num(ctx, c.totalCost)})))));
  const evals = await ctx.getJson(`planning/programs/${encodeURIComponent(id)}/evaluations`).catch(() => []);
  const years = new Set([p.fiscalYear.year, ...evals.map((e) => e.fiscalYear.year)]);
  const evalList = h('ul', {id: 'program-evaluations'}, [...years].sort().map((y) => {
    const e = evals.find((x) => x.fiscalYear.year === y);
    return h('li', {}, h('a', {href: ctx.href(id, 'evaluation', String(y))}, t(`${ctx.fiscalYearLabel(y)}の評価`, `Evaluation of ${ctx.fiscalYearLabel(y)}`)),
        ` — ${e ? `${e.stageLabel}${e.finalDirection ? ` (${e.finalDirection})` : ''}` : t('未着手 (自己評価待ち)', 'not begun (self-evaluation)')}`);
  }));
  const deleteBox = h('div', {class: 'actions'});
  const askDelete = () => {
    deleteBox.replaceChildren(h('p', {text: t('この事務事業を削除しますか。元に戻せません。', 'Delete this program? This cannot be undone.')}),
        h('button', {type: 'button', class: 'btn btn-danger', id: 'confirm-delete', text: t('削除する', 'Delete'), on: {click: doDelete}}),
        h('button', {type: 'button', class: 'btn', text: t('やめる', 'Keep it'), on: {click: () => deleteBox.replaceChildren()}}));
    deleteBox.querySelector('#confirm-delete').focus();
  };
  async function doDelete() {
    const d = await ctx.api('DELETE', `planning/programs/${encodeURIComponent(id)}`, {etag: r.etag});
    if (d.status === 204) {
      ctx.announce(t('事務事業を削除しました。', 'The program was deleted.'));
      ctx.navigate(ctx.href());
    } else if (d.status === 412) {
      message.replaceChildren(conflictNotice(ctx, () => ctx.navigate(ctx.href(id))));
    } else {
      message.replaceChildren(notice(problemText(ctx, d.problem, d.status), 'error'));
    }
  }
  async function downloadSheet() {
    const y = sheetYear.querySelector('input').value.trim();
    const q = new URLSearchParams(y ? {fiscalYear: y} : {});
    const d = await ctx.api('GET', `planning/programs/${encodeURIComponent(id)}/evaluation-sheet?${q}`,
        {accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', raw: true});
    if (d.status !== 200) {
      message.replaceChildren(notice(problemText(ctx, d.problem, d.status), 'error'));
      return;
    }
    const url = URL.createObjectURL(d.blob);
    const a = h('a', {href: url, download: `evaluation-sheet-${p.programNumber}-${y || p.fiscalYear.year}.xlsx`, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    ctx.announce(t('評価シートをダウンロードしました。', 'Evaluation sheet downloaded.'));
  }
  add(root, message,
      h('div', {class: 'toolbar'},
          mayEdit ? h('a', {class: 'btn btn-primary', id: 'edit-program', href: ctx.href(id, 'edit'), text: t('編集', 'Edit')}) : null,
          mayEdit ? h('button', {type: 'button', class: 'btn', id: 'delete-program', text: t('削除', 'Delete'), on: {click: askDelete}}) : null,
          h('a', {class: 'btn', href: ctx.href(), text: t('一覧へ', 'Back to the list')})),
      deleteBox,
      facts([
        [t('年度', 'Fiscal year'), ctx.fiscalYearLabel(p.fiscalYear.year)],
        [t('事業番号', 'Program number'), p.programNumber],
        [t('通し番号', 'Serial number'), p.serialNumber ?? '—'],
        [t('担当課', 'Division'), p.unitLabel || p.unitName || '—'],
        [t('総合計画上の位置づけ', 'Position in the plan'), position],
        [t('根拠法令等', 'Legal basis'), p.legalBasis || '—'],
        [t('事業期間', 'Period'), p.firstFiscalYear ? `${ctx.fiscalYearLabel(p.firstFiscalYear.year)} 〜 ${p.lastFiscalYear ? ctx.fiscalYearLabel(p.lastFiscalYear.year) : t('継続', 'open-ended')}` : '—'],
        [t('実施手法', 'Method'), method ? t(method[1], method[2]) : '—'],
        [t('目的', 'Purpose'), p.purpose || '—'],
        [t('対象', 'Target'), p.purposeTarget || '—'],
        [t('意図', 'Intent'), p.purposeIntent || '—'],
        [t('結果', 'Result'), p.purposeResult || '—'],
        [t('事業の概要', 'Overview'), p.overview || '—'],
        [t('実績', 'Results'), p.results || '—'],
        [t('活動指標', 'Activity indicators'), (p.activityIndicatorIds || []).map(indName).join('、') || '—'],
        [t('成果指標', 'Outcome indicators'), (p.outcomeIndicatorIds || []).map(indName).join('、') || '—'],
      ]),
      h('div', {class: 'table-wrap'}, costTable),
      h('h2', {text: t('評価', 'Evaluation')}), evalList,
      h('form', {class: 'filters', id: 'sheet-form', on: {submit: (e) => { e.preventDefault(); downloadSheet(); }}},
          sheetYear, h('button', {type: 'submit', class: 'btn', id: 'download-sheet', text: t('評価シート (Excel) をダウンロード', 'Download the evaluation sheet (Excel)')})));
}

// ---- evaluation workflow ------------------------------------------------------------------------

async function evaluation(root, ctx, id, fiscalYear) {
  const t = (ja, en) => tr(ctx, ja, en);
  let program;
  try {
    program = (await load(ctx, id)).body;
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return;
  }
  const fy = fiscalYear || String(program.fiscalYear.year);
  const base = `planning/programs/${encodeURIComponent(id)}/evaluations/${encodeURIComponent(fy)}`;
  ctx.setTitle(t(`${program.name} — ${ctx.fiscalYearLabel(Number(fy)) || fy}の評価`, `${program.name} — evaluation of ${ctx.fiscalYearLabel(Number(fy)) || fy}`));
  const message = h('div', {id: 'evaluation-message'});
  const body = h('div', {id: 'evaluation'});
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn', href: ctx.href(id), text: t('事務事業へ戻る', 'Back to the program')})), message, body);

  const when = (at) => (at ? new Date(at).toLocaleString(ctx.lang === 'en' ? 'en' : 'ja') : '');
  const grade = (scale, code) => { if (!code) return ''; const g = scale.find((x) => x.code === code); return g ? `${code} (${g.label})` : code; };

  async function draw(keepMessage) {
    if (!keepMessage) message.replaceChildren();
    const r = await ctx.api('GET', base);
    if (r.status !== 200) {
      body.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const v = r.body;
    const history = (await ctx.api('GET', `${base}/history`)).body || [];
    const stageIndex = STEPS.indexOf(v.stage);
    const steps = h('table', {class: 'list', id: 'evaluation-steps'},
        h('caption', {text: t(`段階 — 現在: ${v.stageLabel}`, `Steps — now: ${v.stageLabel}`)}),
        h('thead', {}, h('tr', {}, [t('段階', 'Step'), t('状態', 'State'), t('評価者', 'By'), t('日時', 'When'), t('必要性', 'Necessity'),
          t('有効性', 'Effectiveness'), t('効率性', 'Efficiency'), t('今後の方向性', 'Future direction'), t('意見', 'Comment')]
            .map((x) => h('th', {scope: 'col', text: x})))),
        h('tbody', {}, STEPS.map((s, i) => {
          const done = v.steps.find((x) => x.step === s);
          const state = v.stage === 'DECIDED' || (stageIndex >= 0 && i < stageIndex) ? t('完了', 'Done')
            : (i === stageIndex ? t('待ち (この段階)', 'Waiting (this step)') : t('未着手', 'Not yet'));
          const label = done ? done.label : {SELF: t('自己評価', 'Self-evaluation'), SECONDARY: t('二次評価', 'Secondary evaluation'),
            EXTERNAL: t('外部評価', 'External evaluation'), FINAL: t('最終決定', 'Final decision')}[s];
          return h('tr', {dataset: {step: s}}, h('th', {scope: 'row', text: label}), h('td', {class: 'step-state', text: state}),
              h('td', {text: done ? done.by || '' : ''}), h('td', {text: done ? when(done.at) : ''}),
              h('td', {text: done ? grade(v.scale, done.necessity) : ''}), h('td', {text: done ? grade(v.scale, done.effectiveness) : ''}),
              h('td', {text: done ? grade(v.scale, done.efficiency) : ''}), h('td', {text: done ? done.direction || '' : ''}),
              h('td', {text: done ? done.comment || '' : ''}));
        })));
    const parts = [
      facts([[t('現在の段階', 'Now'), v.stageLabel], [t('決定した方向性', 'Decided direction'), v.finalDirection || '—']]),
      h('div', {class: 'table-wrap'}, steps),
    ];
    if (v.stage !== 'DECIDED' && ctx.caller.role !== 'VIEWER') parts.push(stepForm(v), v.stage !== 'SELF' ? returnForm(v) : null);
    parts.push(h('h2', {text: t('履歴', 'History')}), h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'evaluation-history'},
        h('caption', {text: t('提出と差し戻しの履歴 (古い順)', 'Submissions and returns, oldest first')}),
        h('thead', {}, h('tr', {}, ['#', t('段階', 'Step'), t('操作', 'Action'), t('評価者', 'By'), t('日時', 'When'), t('評価', 'Ratings'),
          t('今後の方向性', 'Future direction'), t('意見・理由', 'Comment / reason')].map((x) => h('th', {scope: 'col', text: x})))),
        h('tbody', {}, history.length === 0 ? h('tr', {}, h('td', {colspan: 8, text: t('まだ履歴はありません。', 'No history yet.')}))
          : history.map((e) => h('tr', {class: `action-${e.action.toLowerCase()}`}, h('th', {scope: 'row', text: String(e.seq)}),
              h('td', {text: e.stepLabel}), h('td', {text: e.action === 'RETURNED' ? t('差し戻し', 'Returned') : t('提出', 'Submitted')}),
              h('td', {text: e.by || ''}), h('td', {text: when(e.at)}),
              h('td', {text: [e.necessity, e.effectiveness, e.efficiency].filter(Boolean).join(' / ')}),
              h('td', {text: e.direction || ''}), h('td', {text: e.comment || ''})))))));
    body.replaceChildren(...parts.filter(Boolean));
  }

  function stepForm(v) {
    const step = v.stage;
    const optional = step === 'EXTERNAL';
    const grades = [{value: '', label: t('(選択)', '(choose)')}, ...v.scale.map((g) => ({value: g.code, label: `${g.code}: ${g.label}`}))];
    const f = h('form', {class: 'form', id: 'step-form', novalidate: true, dataset: {step}},
        h('h2', {text: t(`${v.stageLabel}を行う`, `Do the ${v.stageLabel.toLowerCase()}`)}),
        v.callerMayAct ? null : notice(t('この段階はあなたの担当ではないかもしれません (自己評価: 担当課の職員、二次・外部評価: 評価者の役割を持つ職員、最終決定: 自治体管理者)。送信すると、サーバーが可否を判断します。',
            'This step may not be yours (self: staff of the division; secondary, external: staff holding the evaluator role; final: municipality administrator). If you submit, the server decides.'), 'info'),
        h('div', {class: 'grid2'},
            ['necessity', 'effectiveness', 'efficiency'].map((k) => field(ctx, {name: k, type: 'select', id: `eval-${k}`, required: !optional, options: grades,
              label: {necessity: t('必要性', 'Necessity'), effectiveness: t('有効性', 'Effectiveness'), efficiency: t('効率性', 'Efficiency')}[k]})),
            field(ctx, {name: 'direction', type: 'select', id: 'eval-direction', required: !optional, label: t('今後の方向性', 'Future direction'),
              options: [{value: '', label: t('(選択)', '(choose)')}, ...v.directions.map((d) => ({value: d, label: d}))]})),
        field(ctx, {name: 'comment', type: 'textarea', id: 'eval-comment', required: optional, label: t('意見', 'Comment')}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'submit-step',
          text: t(`${v.stageLabel}を提出`, `Submit the ${v.stageLabel.toLowerCase()}`)})));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const e = f.elements;
      const b = {necessity: e.necessity.value || null, effectiveness: e.effectiveness.value || null, efficiency: e.efficiency.value || null,
        direction: e.direction.value || null, comment: e.comment.value.trim() || null};
      const ok = await submit(ctx, f, {method: 'POST', path: `${base}/steps/${step.toLowerCase()}`, body: b, reload: () => draw()});
      if (ok) {
        message.replaceChildren(notice(t(`${v.stageLabel}を提出しました。`, `The ${v.stageLabel.toLowerCase()} was submitted.`)));
        await draw(true);
      }
    });
    return f;
  }

  function returnForm(v) {
    const f = h('form', {class: 'form', id: 'return-form', novalidate: true},
        h('h2', {text: t('差し戻し', 'Return for revision')}),
        h('p', {class: 'hint', text: t('前の段階をやり直してもらいます。理由を書いてください。', 'The step before is to be done again. Give the reason.')}),
        field(ctx, {name: 'comment', type: 'textarea', id: 'return-comment', required: true, label: t('差し戻しの理由', 'Reason')}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn', id: 'return-step', text: t('差し戻す', 'Return')})));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const ok = await submit(ctx, f, {method: 'POST', path: `${base}/return`, body: {comment: f.elements.comment.value.trim() || null}, reload: () => draw()});
      if (ok) {
        message.replaceChildren(notice(t('差し戻しました。', 'Returned for revision.')));
        await draw(true);
      }
    });
    return f;
  }

  await draw();
}

