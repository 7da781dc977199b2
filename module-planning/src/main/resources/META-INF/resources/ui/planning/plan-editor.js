// 総合計画 — creating a plan and editing its tree, for staff (the 総合計画 page's form 計画を作成 and its tab 構成の編集).
// Not a screen of its own: plans.js imports it. Every write goes through the plan API with If-Match: a node's
// edits, moves and deletion with the ETag of the node as read when it was chosen, an indicator link's with the
// link's, renumbering with the plan's. A stale edit (412) is refused with a message and a reload; other refusals
// show the API's reason (field errors next to their fields). Moving is by buttons (and Alt+↑/↓ on a node of the
// tree): nothing needs dragging. DOM built with createElement only.
import {h, tr, uid, field, notice, problemText, submit, conflictNotice} from '/ui/core/kit.js';
import {unitOptions, yearValue, numberValue, showLocalErrors} from './doc-kit.js';

/** Whether the signed-in person may change plans (viewers read only). */
export function canEdit(ctx) {
  return !!(ctx.caller && ctx.caller.role && ctx.caller.role !== 'VIEWER');
}

// ---- a new plan

/** The form 計画を作成: name, period (wareki or western years), level names. Calls done(plan) once created. */
export function newPlanForm(ctx, done, cancel) {
  const form = h('form', {id: 'plan-form', novalidate: true});
  form.append(h('h3', {text: tr(ctx, '計画を作成', 'Create a plan')}),
    field(ctx, {name: 'name', label: tr(ctx, '計画の名称', 'Name of the plan'), required: true, id: 'plan-name'}),
    field(ctx, {name: 'nameEn', label: tr(ctx, '計画の名称 (英語)', 'Name in English'), id: 'plan-name-en'}),
    field(ctx, {name: 'firstFiscalYear', label: tr(ctx, '計画期間の開始年度', 'First fiscal year'), required: true, id: 'plan-first',
      hint: tr(ctx, '例: 令和3年度、R3、2021', 'e.g. FY2021, 2021, R3')}),
    field(ctx, {name: 'lastFiscalYear', label: tr(ctx, '計画期間の終了年度', 'Last fiscal year'), required: true, id: 'plan-last',
      hint: tr(ctx, '例: 令和7年度、R7、2025', 'e.g. FY2025, 2025, R7')}),
    field(ctx, {name: 'levelNames', label: tr(ctx, '階層の名称 (上位から 1 行に 1 つ)', 'Level names (top first, one per line)'),
      type: 'textarea', id: 'plan-levels',
      hint: tr(ctx, '例: 基本目標、施策、基本事業。空欄ならこの団体の設定 (行政計画・評価モジュールの「計画の階層名」) に従います。',
        'e.g. goal, measure, sub-measure. Empty: the municipality\u2019s setting (planning module, plan level names).')}),
    h('div', {class: 'actions'},
      h('button', {type: 'submit', id: 'plan-create', class: 'btn btn-primary', text: tr(ctx, '作成する', 'Create')}), ' ',
      h('button', {type: 'button', class: 'btn', id: 'plan-create-cancel', text: tr(ctx, 'やめる', 'Cancel'), on: {click: cancel}})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const levels = form.elements.levelNames.value.split('\n').map((s) => s.trim()).filter((s) => s);
    const body = {name: form.elements.name.value.trim(), nameEn: form.elements.nameEn.value.trim() || null,
      firstFiscalYear: yearValue(form.elements.firstFiscalYear.value), lastFiscalYear: yearValue(form.elements.lastFiscalYear.value)};
    if (levels.length) body.levelNames = levels;
    const r = await submit(ctx, form, {method: 'POST', path: 'planning/plans', body});
    if (r) done(r.body);
  });
  return form;
}

// ---- the tree editor

const SCHEMES = [
  ['KEEP', '変えない', 'Keep'],
  ['SEQUENCE', '計画全体の通し番号 (35, 36 …)', 'Count through the plan (35, 36 …)'],
  ['SIBLINGS', '上位項目ごとに 1 から (1, 2 …)', 'Count under each parent (1, 2 …)'],
  ['OUTLINE', '上位項目の番号に続けて (1-1, 1-2 …)', 'After the parent\u2019s number (1-1, 1-2 …)'],
  ['CLEAR', '番号なし', 'No numbers'],
];

/**
 * The tab 構成の編集: the tree with a panel for the chosen node. `plan` as GET …/plans/{id} sends it.
 * Returns nothing; everything it needs it reads itself.
 */
export async function treeEditor(ctx, target, plan) {
  const t = (ja, en) => tr(ctx, ja, en);
  const base = `planning/plans/${plan.id}`;
  const live = h('p', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});
  const messages = h('div', {id: 'plan-edit-messages'});
  const treeBox = h('div', {id: 'plan-edit-tree-box'});
  const panel = h('section', {id: 'node-panel', 'aria-label': t('選んだ項目', 'The chosen node')});
  const levelNames = plan.levelNames;
  let nodes = [];            // the tree as GET …/tree sends it
  let byId = new Map();      // id → {node, parent, siblings}
  let planEtag = null;
  let selected = null;       // id of the chosen node
  let units = null;          // [{value,label}] of the organisation
  let indicators = null;     // the municipality's indicators
  const say = (text) => { live.textContent = text; };

  const label = (n) => [n.levelName ? `【${n.levelName}】` : null, n.number, t(n.title, n.titleEn || n.title)].filter(Boolean).join(' ');

  async function loadTree() {
    const r = await ctx.api('GET', `${base}/tree`);
    if (r.status !== 200) throw Object.assign(new Error(problemText(ctx, r.problem, r.status)), {problem: r.problem});
    nodes = r.body.nodes;
    planEtag = r.etag;
    byId = new Map();
    const walk = (list, parent) => list.forEach((n) => {
      byId.set(n.id, {node: n, parent, siblings: list});
      walk(n.children || [], n);
    });
    walk(nodes, null);
    drawTree();
  }

  function heightBelow(n) {
    return (n.children || []).reduce((m, c) => Math.max(m, 1 + heightBelow(c)), 0);
  }

  function drawTree() {
    // Redrawing replaces the buttons: the one that had the focus gets it back.
    const had = document.activeElement && document.activeElement.classList && document.activeElement.classList.contains('node-select')
      ? document.activeElement.dataset.id : null;
    const build = (list) => h('ul', {}, list.map((n) => h('li', {},
      h('button', {type: 'button', class: 'btn node-select', dataset: {id: n.id}, 'aria-current': n.id === selected ? 'true' : null,
        text: label(n), title: t('Alt+↑/↓ で同じ階層の中を移動', 'Alt+↑/↓ moves it among its siblings'),
        on: {click: () => choose(n.id), keydown: (ev) => treeKey(ev, n)}}),
      n.children && n.children.length ? build(n.children) : null)));
    const tools = h('div', {class: 'actions'},
      h('button', {type: 'button', id: 'node-add-top', class: 'btn', text: t(`${levelNames[0]}を追加`, `Add a ${levelNames[0]}`),
        on: {click: () => newNode(null)}}), ' ',
      h('button', {type: 'button', id: 'renumber-open', class: 'btn', text: t('番号を振り直す', 'Renumber'),
        on: {click: renumberForm}}));
    treeBox.replaceChildren(h('h3', {text: t('計画の構成', 'Structure of the plan')}), tools,
      nodes.length ? h('nav', {id: 'plan-edit-tree', class: 'plan-tree', 'aria-label': t('計画の項目', 'Nodes of the plan')}, build(nodes))
        : h('p', {text: t('項目はまだありません。最上位の項目を追加してください。', 'The plan has no nodes yet. Add a top-level node.')}));
    if (had) focusAfter(`.node-select[data-id="${had}"]`);
  }

  function treeKey(ev, n) {
    if (!ev.altKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
    ev.preventDefault();
    const d = ev.key === 'ArrowUp' ? -1 : 1;
    const {siblings} = byId.get(n.id);
    const i = siblings.findIndex((s) => s.id === n.id);
    if (i + d < 0 || i + d >= siblings.length) return;
    (async () => {
      if (selected !== n.id) await choose(n.id);
      await moveTo(n.parentId || null, i + d, `.node-select[data-id="${n.id}"]`);
    })();
  }

  const focusAfter = (selector) => { const e = selector && document.querySelector(selector); if (e) e.focus(); };

  function showProblem(r, reload) {
    messages.replaceChildren();
    if (r.status === 412) {
      const box = conflictNotice(ctx, reload);
      messages.append(box);
      box.focus();
    } else {
      const box = notice(problemText(ctx, r.problem, r.status), 'error');
      box.setAttribute('tabindex', '-1');
      messages.append(box);
      box.focus();
    }
  }

  async function refresh(selectId, focusSelector) {
    await loadTree();
    if (selectId && byId.has(selectId)) await choose(selectId, focusSelector);
    else { selected = null; panel.replaceChildren(); drawTree(); focusAfter(focusSelector); }
  }

  const reloadAll = () => { messages.replaceChildren(); return refresh(selected); };

  // ---- one node

  let node = null;
  let nodeEtag = null;
  let linkEtags = new Map();

  async function choose(id, focusSelector) {
    selected = id;
    drawTree();
    const r = await ctx.api('GET', `${base}/nodes/${id}`);
    if (r.status !== 200) { showProblem(r, reloadAll); return; }
    node = r.body;
    nodeEtag = r.etag;
    const links = await Promise.all(node.indicators.map((l) => ctx.api('GET', `${base}/nodes/${id}/indicators/${l.id}`)));
    linkEtags = new Map(links.map((x, i) => [node.indicators[i].id, x.etag]));
    if (!units) units = await unitOptions(ctx, t('(組織を選んでください)', '(choose a unit)'));
    if (!indicators) {
      try { indicators = (await ctx.getJson('indicators?size=500')).items || []; } catch (e) { indicators = []; }
    }
    drawPanel();
    focusAfter(focusSelector);
  }

  function drawPanel() {
    const entry = byId.get(node.id);
    const siblings = entry ? entry.siblings : [];
    const i = siblings.findIndex((s) => s.id === node.id);
    const name = label(node);
    const parts = [h('h3', {id: 'node-heading', tabindex: '-1', text: name})];

    // Place in the tree.
    const place = h('fieldset', {id: 'node-place'}, h('legend', {text: t('並び順と位置', 'Order and place')}),
      h('button', {type: 'button', id: 'node-up', class: 'btn', disabled: i <= 0, text: t('↑ 上へ', '↑ Up'),
        'aria-label': t(`「${name}」を上へ`, `Move "${name}" up`), on: {click: () => moveTo(node.parentId || null, i - 1, '#node-up')}}), ' ',
      h('button', {type: 'button', id: 'node-down', class: 'btn', disabled: i < 0 || i >= siblings.length - 1, text: t('↓ 下へ', '↓ Down'),
        'aria-label': t(`「${name}」を下へ`, `Move "${name}" down`), on: {click: () => moveTo(node.parentId || null, i + 1, '#node-down')}}));
    const height = heightBelow(entry ? entry.node : node);
    const options = [];
    if (height < levelNames.length && node.parentId) options.push({value: '', label: t('(最上位)', '(top level)')});
    const below = new Set();
    const mark = (n) => { below.add(n.id); (n.children || []).forEach(mark); };
    if (entry) mark(entry.node);
    for (const [id, e] of byId) {
      if (below.has(id) || id === node.parentId || e.node.level + 1 + height >= levelNames.length) continue;
      options.push({value: id, label: `${'　'.repeat(e.node.level)}${label(e.node)}`});
    }
    if (options.length) {
      const parentField = field(ctx, {name: 'parentId', label: t('移動先の上位項目', 'Move under'), type: 'select', options, id: 'node-parent'});
      place.append(parentField, h('button', {type: 'button', id: 'node-move', class: 'btn', text: t('移動する', 'Move'),
        on: {click: () => moveTo(parentField.querySelector('select').value || null, null, '#node-heading')}}));
    }
    parts.push(place);

    // What the node says.
    const form = h('form', {id: 'node-form', novalidate: true});
    const chosen = [...node.responsibleUnitIds];
    const unitList = h('ul', {id: 'node-unit-list'});
    const unitName = (id) => { const u = (units || []).find((o) => o.value === id); return u ? u.label.trim() : id; };
    const drawUnits = () => unitList.replaceChildren(...chosen.map((id, k) => h('li', {}, unitName(id), ' ',
      h('button', {type: 'button', class: 'btn unit-remove', text: t('外す', 'Remove'), 'aria-label': t(`${unitName(id)} を外す`, `Remove ${unitName(id)}`),
        on: {click: () => { chosen.splice(k, 1); drawUnits(); }}}))));
    drawUnits();
    const unitChoice = field(ctx, {name: 'responsibleUnitIds', label: t('担当する組織を追加', 'Add a responsible unit'), type: 'select',
      options: units || [], id: 'node-unit-choice'});
    const roles = node.expectedRoles || {};
    form.append(h('h4', {text: t('内容', 'Contents')}),
      field(ctx, {name: 'number', label: t('番号', 'Number'), value: node.number, id: 'node-number', attrs: {maxlength: '20'}}),
      field(ctx, {name: 'title', label: t('名称', 'Title'), value: node.title, required: true, id: 'node-title'}),
      field(ctx, {name: 'titleEn', label: t('名称 (英語)', 'Title in English'), value: node.titleEn, id: 'node-title-en'}),
      field(ctx, {name: 'groupLabel', label: t('区分', 'Group'), value: node.groupLabel, id: 'node-group'}),
      field(ctx, {name: 'weight', label: t('上位項目での重み', 'Weight in the parent'), type: 'number', value: node.weight, id: 'node-weight',
        hint: t('0〜1000。積み上げの加重平均に使います。', '0–1000, used in the weighted mean of the roll-up.')}),
      field(ctx, {name: 'targetVision', label: t('目指す姿', 'Target vision'), type: 'textarea', value: node.targetVision, id: 'node-vision'}),
      field(ctx, {name: 'currentIssues', label: t('現状と課題', 'Current state and issues'), type: 'textarea', value: node.currentIssues, id: 'node-issues'}),
      field(ctx, {name: 'policyDirections', label: t('取組方針', 'Policy directions'), type: 'textarea', value: node.policyDirections, id: 'node-directions'}),
      field(ctx, {name: 'details', label: t('具体的な内容', 'Details'), type: 'textarea', value: node.details, id: 'node-details'}),
      h('fieldset', {id: 'node-units'}, h('legend', {text: t('担当課', 'Responsible units')}), unitList, unitChoice,
        h('button', {type: 'button', id: 'node-unit-add', class: 'btn', text: t('組織を追加', 'Add the unit'), on: {click: () => {
          const v = unitChoice.querySelector('select').value;
          if (v && !chosen.includes(v)) { chosen.push(v); drawUnits(); say(t(`${unitName(v)} を追加しました (未保存)`, `Added ${unitName(v)} (not saved yet)`)); }
        }}})),
      field(ctx, {name: 'responsibleUnitsNote', label: t('担当の補足 (及び全課 など)', 'Note on the units (e.g. and all divisions)'),
        value: node.responsibleUnitsNote, id: 'node-units-note'}),
      field(ctx, {name: 'expectedRoles.residents', label: t('市民の役割', 'Role of residents'), type: 'textarea', value: roles.residents, id: 'node-role-residents'}),
      field(ctx, {name: 'expectedRoles.companies', label: t('企業の役割', 'Role of companies'), type: 'textarea', value: roles.companies, id: 'node-role-companies'}),
      field(ctx, {name: 'expectedRoles.activityGroups', label: t('活動団体の役割', 'Role of groups'), type: 'textarea', value: roles.activityGroups, id: 'node-role-groups'}),
      field(ctx, {name: 'notes', label: t('備考', 'Notes'), type: 'textarea', value: node.notes, id: 'node-notes'}),
      h('button', {type: 'submit', id: 'node-save', class: 'btn btn-primary', text: t('内容を保存', 'Save the contents')}));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const errors = [];
      const weight = numberValue(ctx, form, 'weight', errors);
      if (errors.length) { showLocalErrors(ctx, form, errors); return; }
      const v = (k) => { const x = form.elements[k].value.trim(); return x === '' ? null : x; };
      const body = {number: v('number'), title: form.elements.title.value.trim(), titleEn: v('titleEn'), groupLabel: v('groupLabel'),
        weight, targetVision: v('targetVision'), currentIssues: v('currentIssues'), policyDirections: v('policyDirections'),
        details: v('details'), notes: v('notes'), responsibleUnitIds: chosen, responsibleUnitsNote: v('responsibleUnitsNote'),
        expectedRoles: {residents: v('expectedRoles.residents'), companies: v('expectedRoles.companies'),
          activityGroups: v('expectedRoles.activityGroups')}};
      const r = await submit(ctx, form, {method: 'PUT', path: `${base}/nodes/${node.id}`, body, etag: nodeEtag, reload: reloadAll});
      if (r) {
        await refresh(node.id, '#node-heading');
        messages.replaceChildren(notice(t('保存しました。', 'Saved.'), 'info'));
        say(t('保存しました', 'Saved'));
      }
    });
    parts.push(form);

    parts.push(linksSection());

    // Below and away.
    const child = node.level + 1 < levelNames.length ? levelNames[node.level + 1] : null;
    parts.push(h('div', {class: 'actions', id: 'node-actions'},
      child ? h('button', {type: 'button', id: 'node-add-child', class: 'btn', text: t(`この下に${child}を追加`, `Add a ${child} below`),
        on: {click: () => newNode(node)}}) : null, ' ',
      h('button', {type: 'button', id: 'node-delete', class: 'btn btn-danger', text: t('この項目を削除…', 'Delete this node…'),
        on: {click: confirmDelete}})));
    panel.replaceChildren(...parts);
  }

  // ---- indicators linked to the node

  function linksSection() {
    const section = h('section', {id: 'node-links'}, h('h4', {text: t('結び付けた指標', 'Linked indicators')}));
    const roleOptions = [{value: 'OUTCOME', label: t('成果指標', 'Outcome indicator')}, {value: 'PROCESS', label: t('プロセス指標', 'Process indicator')}];
    if (!node.indicators.length) section.append(h('p', {text: t('指標はまだ結び付けていません。', 'No indicator is linked yet.')}));
    const list = h('ul', {class: 'link-list'});
    node.indicators.forEach((l, k) => {
      const name = [l.code, t(l.nameJa, l.nameEn || l.nameJa)].filter(Boolean).join(' ');
      const f = h('form', {class: 'link-form', id: `link-form-${k}`, novalidate: true, 'aria-label': name});
      f.append(h('p', {class: 'link-name', text: name}),
        field(ctx, {name: 'role', label: t(`${name} の区分`, `Role of ${name}`), type: 'select', options: roleOptions, value: l.role, id: `link-role-${k}`}),
        field(ctx, {name: 'weight', label: t(`${name} の重み`, `Weight of ${name}`), type: 'number', value: l.weight, id: `link-weight-${k}`}),
        h('button', {type: 'submit', class: 'btn link-save', id: `link-save-${k}`, text: t('区分と重みを保存', 'Save role and weight')}), ' ',
        h('button', {type: 'button', class: 'btn btn-danger link-remove', id: `link-remove-${k}`, text: t('外す', 'Unlink'),
          'aria-label': t(`${name} を外す`, `Unlink ${name}`), on: {click: async () => {
            const r = await ctx.api('DELETE', `${base}/nodes/${node.id}/indicators/${l.id}`, {etag: linkEtags.get(l.id)});
            if (r.status === 204) { await refresh(node.id, '#link-indicator'); say(t(`${name} を外しました`, `Unlinked ${name}`)); } else showProblem(r, reloadAll);
          }}}));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const errors = [];
        const weight = numberValue(ctx, f, 'weight', errors);
        if (errors.length) { showLocalErrors(ctx, f, errors); return; }
        const r = await submit(ctx, f, {method: 'PUT', path: `${base}/nodes/${node.id}/indicators/${l.id}`,
          body: {role: f.elements.role.value, weight}, etag: linkEtags.get(l.id), reload: reloadAll});
        if (r) { await refresh(node.id, `#link-save-${k}`); say(t(`${name} の区分と重みを保存しました`, `Saved ${name}`)); }
      });
      list.append(h('li', {}, f));
    });
    if (node.indicators.length) section.append(list);

    const linked = new Set(node.indicators.map((l) => l.indicatorId));
    const choices = [{value: '', label: t('(指標を選んでください)', '(choose an indicator)')}].concat((indicators || [])
      .filter((i) => !linked.has(i.id)).map((i) => ({value: i.id, label: [i.code, t(i.nameJa, i.nameEn || i.nameJa)].filter(Boolean).join(' ')})));
    const add = h('form', {id: 'link-add-form', novalidate: true, 'aria-label': t('指標を結び付ける', 'Link an indicator')});
    add.append(h('h5', {text: t('指標を結び付ける', 'Link an indicator')}),
      field(ctx, {name: 'indicatorId', label: t('指標', 'Indicator'), type: 'select', options: choices, id: 'link-indicator', required: true}),
      field(ctx, {name: 'role', label: t('区分', 'Role'), type: 'select', id: 'link-role',
        options: [{value: '', label: t('指標の種類に応じて', 'As the indicator\u2019s kind suggests')}].concat(roleOptions)}),
      field(ctx, {name: 'weight', label: t('重み', 'Weight'), type: 'number', id: 'link-weight', hint: t('空欄なら 1', 'Empty: 1')}),
      h('button', {type: 'submit', id: 'link-add', class: 'btn', text: t('結び付ける', 'Link')}));
    add.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const errors = [];
      const weight = numberValue(ctx, add, 'weight', errors);
      if (!add.elements.indicatorId.value) errors.push({field: 'indicatorId', message: t('指標を選んでください。', 'Choose an indicator.')});
      if (errors.length) { showLocalErrors(ctx, add, errors); return; }
      const body = {indicatorId: add.elements.indicatorId.value, role: add.elements.role.value || null, weight};
      const r = await submit(ctx, add, {method: 'POST', path: `${base}/nodes/${node.id}/indicators`, body, reload: reloadAll});
      if (r) { await refresh(node.id, '#link-indicator'); say(t('指標を結び付けました', 'Indicator linked')); }
    });
    section.append(add);
    return section;
  }

  // ---- moving, adding, deleting

  async function moveTo(parentId, position, focusSelector) {
    messages.replaceChildren();
    const body = {parentId};
    if (position !== null && position !== undefined) body.position = position;
    const r = await ctx.api('POST', `${base}/nodes/${node.id}/move`, {body, etag: nodeEtag});
    if (r.status !== 200) { showProblem(r, reloadAll); return; }
    await refresh(node.id, focusSelector);
    const e = byId.get(node.id);
    const where = e ? (e.parent ? t(`「${label(e.parent)}」の下の ${e.siblings.findIndex((s) => s.id === node.id) + 1} 番目`,
      `position ${e.siblings.findIndex((s) => s.id === node.id) + 1} under "${label(e.parent)}"`)
      : t(`最上位の ${e.siblings.findIndex((s) => s.id === node.id) + 1} 番目`, `position ${e.siblings.findIndex((s) => s.id === node.id) + 1} at the top`)) : '';
    say(t(`「${label(node)}」を${where}に移動しました`, `Moved "${label(node)}" to ${where}`));
  }

  function newNode(parent) {
    messages.replaceChildren();
    const level = parent ? parent.level + 1 : 0;
    const form = h('form', {id: 'new-node-form', novalidate: true});
    const heading = h('h3', {tabindex: '-1', text: parent ? t(`「${label(parent)}」の下に${levelNames[level]}を追加`, `Add a ${levelNames[level]} under "${label(parent)}"`)
      : t(`${levelNames[0]}を追加`, `Add a ${levelNames[0]}`)});
    form.append(heading,
      field(ctx, {name: 'number', label: t('番号', 'Number'), id: 'new-node-number', attrs: {maxlength: '20'}}),
      field(ctx, {name: 'title', label: t('名称', 'Title'), required: true, id: 'new-node-title'}),
      field(ctx, {name: 'titleEn', label: t('名称 (英語)', 'Title in English'), id: 'new-node-title-en'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'new-node-save', class: 'btn btn-primary', text: t('追加する', 'Add')}), ' ',
        h('button', {type: 'button', class: 'btn', text: t('やめる', 'Cancel'), on: {click: () => (selected ? choose(selected) : panel.replaceChildren())}})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = (k) => { const x = form.elements[k].value.trim(); return x === '' ? null : x; };
      const body = {number: v('number'), title: form.elements.title.value.trim(), titleEn: v('titleEn')};
      if (parent) body.parentId = parent.id;
      const r = await submit(ctx, form, {method: 'POST', path: `${base}/nodes`, body, reload: reloadAll});
      if (r) {
        await refresh(r.body.id, '#node-heading');
        say(t(`「${label(r.body)}」を追加しました`, `Added "${label(r.body)}"`));
      }
    });
    panel.replaceChildren(form);
    form.elements.title.focus();
  }

  function confirmDelete() {
    messages.replaceChildren();
    const entry = byId.get(node.id);
    let below = 0;
    const count = (n) => (n.children || []).forEach((c) => { below += 1; count(c); });
    if (entry) count(entry.node);
    const text = below ? t(`「${label(node)}」と、その下の項目 ${below} 件を削除します。結び付けた指標の結び付きも外れます (指標そのものは残ります)。`,
      `This deletes "${label(node)}" and the ${below} node(s) below it, with their indicator links (the indicators stay).`)
      : t(`「${label(node)}」を削除します。結び付けた指標の結び付きも外れます (指標そのものは残ります)。`,
        `This deletes "${label(node)}" with its indicator links (the indicators stay).`);
    const box = h('div', {id: 'node-delete-box', class: 'notice notice-error', role: 'alertdialog', 'aria-labelledby': 'node-delete-text', tabindex: '-1'},
      h('p', {id: 'node-delete-text', text}),
      h('button', {type: 'button', id: 'node-delete-confirm', class: 'btn btn-danger', text: t('削除する', 'Delete'), on: {click: async () => {
        const parentId = node.parentId;
        const r = await ctx.api('DELETE', `${base}/nodes/${node.id}${below ? '?withDescendants=true' : ''}`, {etag: nodeEtag});
        if (r.status !== 204) { box.remove(); showProblem(r, reloadAll); return; }
        const gone = label(node);
        await refresh(parentId, parentId ? '#node-heading' : '#node-add-top');
        messages.replaceChildren(notice(t(`「${gone}」を削除しました。`, `Deleted "${gone}".`), 'info'));
        say(t(`「${gone}」を削除しました`, `Deleted "${gone}"`));
      }}}), ' ',
      h('button', {type: 'button', id: 'node-delete-cancel', class: 'btn', text: t('やめる', 'Cancel'), on: {click: () => { box.remove(); focusAfter('#node-delete'); }}}));
    messages.replaceChildren(box);
    box.querySelector('#node-delete-confirm').focus();
  }

  // ---- renumbering

  function renumberForm() {
    messages.replaceChildren();
    const form = h('form', {id: 'renumber-form', novalidate: true});
    const heading = h('h3', {tabindex: '-1', text: t('番号を振り直す', 'Renumber the plan')});
    form.append(heading, h('p', {class: 'hint', text: t('階層ごとに番号の付け方を選びます。すべての項目の番号を一度に変え、1 つでも付けられない番号があれば何も変えません。',
      'Choose how each level is numbered. All numbers change at once; if one cannot be given, nothing changes.')}));
    levelNames.forEach((name, i) => {
      const id = uid('renumber');
      form.append(h('fieldset', {class: 'renumber-level'}, h('legend', {text: name}),
        field(ctx, {name: `levels[${i}].scheme`, label: t(`${name}の番号`, `Numbers of ${name}`), type: 'select', id: `${id}-scheme`,
          value: i === 0 ? 'SEQUENCE' : 'KEEP', options: SCHEMES.map(([v, ja, en]) => ({value: v, label: t(ja, en)}))}),
        field(ctx, {name: `levels[${i}].start`, label: t(`${name}の最初の番号`, `First number of ${name}`), type: 'number', value: '1', id: `${id}-start`}),
        field(ctx, {name: `levels[${i}].separator`, label: t(`${name}の区切り文字 (上位項目の番号に続けるとき)`, `Separator of ${name} (after the parent's number)`),
          value: '-', id: `${id}-sep`, attrs: {maxlength: '3'}})));
    });
    form.append(h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'renumber-save', class: 'btn btn-primary', text: t('振り直す', 'Renumber')}), ' ',
      h('button', {type: 'button', class: 'btn', text: t('やめる', 'Cancel'), on: {click: () => (selected ? choose(selected) : panel.replaceChildren())}})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const errors = [];
      const levels = levelNames.map((_, i) => {
        const start = numberValue(ctx, form, `levels[${i}].start`, errors, true);
        return {scheme: form.elements[`levels[${i}].scheme`].value, start: start ?? 1,
          separator: form.elements[`levels[${i}].separator`].value || '-'};
      });
      if (errors.length) { showLocalErrors(ctx, form, errors); return; }
      const r = await submit(ctx, form, {method: 'POST', path: `${base}/renumber`, body: {levels}, etag: planEtag, reload: reloadAll});
      if (r) {
        await refresh(selected, '#renumber-open');
        if (!selected) panel.replaceChildren();
        messages.replaceChildren(notice(t('番号を振り直しました。', 'Renumbered.'), 'info'));
        say(t('番号を振り直しました', 'Renumbered'));
      }
    });
    panel.replaceChildren(form);
    heading.focus();
  }

  if (!document.getElementById('plan-editor-css')) {
    document.head.append(h('link', {id: 'plan-editor-css', rel: 'stylesheet', href: '/ui/planning/plan-editor.css'}));
  }
  target.append(live, h('p', {class: 'hint', text: t('項目を選ぶと、内容・担当課・指標の編集、並べ替え、移動、削除ができます。並べ替えは「↑ 上へ」「↓ 下へ」のほか、項目の上で Alt+↑/↓ でもできます。',
    'Choose a node to edit its contents, units and indicators, to reorder, move or delete it. Reorder with Up/Down, or Alt+↑/↓ on a node.')}),
  messages, h('div', {class: 'plan-editor'}, treeBox, panel));
  await loadTree();
}
