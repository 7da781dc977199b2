// The organisational units (部/課/係): the tree on a day, and every unit ever with its validity
// (history), paged, with CSV. Staff edit it here: add a unit, correct one (its code, names, kind),
// close one from a date, and record a reorganisation (merge, rename, move, abolish) previewed first
// (POST …/reorganizations?dryRun=true: the tree before and after, computed by the code that applies
// it) and then applied with the chart's ETag (If-Match). Viewers see no edit controls.
import {h, add, tr, field, pagedList, facts, errorNotice, notice, submit, showFieldErrors, clearErrors, conflictNotice} from '../kit.js';

const KINDS = [
  ['BUREAU', '局', 'Bureau'], ['DEPARTMENT', '部', 'Department'], ['OFFICE', '公室', 'Office'], ['DIVISION', '課', 'Division'],
  ['ROOM', '室', 'Room'], ['SECTION', '係', 'Section'], ['OTHER', 'その他', 'Other'],
];

function kindOptions(ctx) {
  return KINDS.map(([value, ja, en]) => ({value, label: ctx.lang === 'en' ? en : ja}));
}

function todayInJapan() {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

const canEdit = (ctx) => ctx.caller && ctx.caller.role !== 'VIEWER';
const nameOf = (ctx, u) => (ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameJa);

/** The units of a tree, depth first, each with its depth (for indented choices). */
function flatten(roots) {
  const out = [];
  const walk = (n, depth) => { out.push({...n, depth}); (n.children || []).forEach((c) => walk(c, depth + 1)); };
  roots.forEach((r) => walk(r, 0));
  return out;
}

function unitOptions(ctx, units, none) {
  const opts = units.map((u) => ({value: u.id, label: `${'　'.repeat(u.depth)}${nameOf(ctx, u)} (${u.code})`}));
  return none ? [{value: '', label: none}, ...opts] : opts;
}

/** A tree as nested lists; `mark(node)` may add a word (never colour alone) to a unit. */
function treeList(ctx, roots, label, mark = () => null) {
  const node = (n) => h('li', {dataset: {unit: n.id}}, h('a', {href: ctx.href(n.id)}, nameOf(ctx, n)),
      h('span', {class: 'kind', text: n.kind.label[ctx.lang] || n.kind.code}), ` ${n.code}`, mark(n),
      n.children && n.children.length ? h('ul', {}, n.children.map(node)) : null);
  return roots.length ? h('ul', {class: 'tree', 'aria-label': label}, roots.map(node))
    : h('p', {text: tr(ctx, 'この日に有効な組織はありません。', 'No unit was valid on that day.')});
}

export default async function render(root, ctx) {
  const [id] = ctx.args;
  if (id) return detail(root, ctx, id);
  const today = todayInJapan();
  const dayField = field(ctx, {name: 'asOf', type: 'date', label: tr(ctx, '基準日', 'As of'), value: today});
  const treeBox = h('div', {id: 'unit-tree'});
  const show = h('button', {type: 'submit', class: 'btn', text: tr(ctx, '表示', 'Show')});
  const form = h('form', {class: 'filters', on: {submit: (e) => { e.preventDefault(); tree(); }}}, dayField, show);
  const history = pagedList(ctx, {
    path: 'organization-units', query: () => ({history: 'true'}), csv: 'organization-units-history.csv', xlsx: 'organization-units-history.xlsx',
    caption: tr(ctx, 'すべての組織と有効期間', 'Every unit and when it was valid'),
    columns: [
      {label: tr(ctx, 'コード', 'Code'), render: (u) => u.code},
      {label: tr(ctx, '名称', 'Name'), render: (u) => h('a', {href: ctx.href(u.id)}, nameOf(ctx, u))},
      {label: tr(ctx, '種別', 'Kind'), render: (u) => u.kind.label[ctx.lang] || u.kind.code},
      {label: tr(ctx, '上位組織', 'Parent'), render: (u) => u.parentCode || ''},
      {label: tr(ctx, '有効開始', 'Valid from'), render: (u) => u.validFrom || ''},
      {label: tr(ctx, '有効終了', 'Valid to'), render: (u) => u.validTo || tr(ctx, '(現在)', '(current)')},
    ],
  });
  const editBox = h('div', {id: 'unit-editors'});
  root.append(h('h2', {text: tr(ctx, '組織図', 'Organisation chart')}), form, treeBox, editBox,
      h('h2', {text: tr(ctx, '履歴', 'History')}), history.element);

  async function tree() {
    const day = dayField.querySelector('input').value;
    try {
      const t = await ctx.getJson(`organization-units/tree${day ? `?asOf=${encodeURIComponent(day)}` : ''}`);
      treeBox.replaceChildren(treeList(ctx, t.roots, tr(ctx, `${t.asOf} の組織図`, `Organisation on ${t.asOf}`)));
    } catch (err) {
      treeBox.replaceChildren(errorNotice(ctx, err));
    }
  }

  async function editors() {
    if (!canEdit(ctx)) return;
    const r = await ctx.api('GET', `organization-units/tree?asOf=${today}`);
    if (r.status !== 200) {
      editBox.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const units = flatten(r.body.roots);
    editBox.replaceChildren(addForm(ctx, units, reloadAll), reorganizationForm(ctx, units, reloadAll));
  }

  async function reloadAll(message) {
    await Promise.all([tree(), history.reload(), editors()]);
    if (message) {
      editBox.prepend(notice(message));
      ctx.announce(message);
    }
  }
  await Promise.all([tree(), history.reload(), editors()]);
}

/** 組織の追加: a unit under a parent, from a day (POST …/organization-units). */
function addForm(ctx, units, done) {
  const form = h('form', {class: 'form', id: 'unit-add-form', novalidate: true});
  add(form,
      h('div', {class: 'grid2'},
          field(ctx, {name: 'parentId', type: 'select', label: tr(ctx, '上位組織', 'Parent'),
            options: unitOptions(ctx, units, tr(ctx, '(なし: 最上位)', '(none: top level)'))}),
          field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), value: 'DIVISION', options: kindOptions(ctx), required: true}),
          field(ctx, {name: 'code', label: tr(ctx, 'コード', 'Code'), required: true,
            hint: tr(ctx, '半角英数字・ハイフン・アンダースコア (20文字まで)', 'Letters, digits, - and _ (up to 20)')}),
          field(ctx, {name: 'validFrom', type: 'date', label: tr(ctx, '有効開始日', 'Valid from'), value: todayInJapan(), required: true}),
          field(ctx, {name: 'nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), required: true}),
          field(ctx, {name: 'nameKana', label: tr(ctx, 'よみがな', 'Reading (kana)')}),
          field(ctx, {name: 'nameEn', label: tr(ctx, '英語名', 'Name (English)')})),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'unit-add', text: tr(ctx, '組織を追加', 'Add the unit')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (n) => form.elements[n].value.trim();
    const body = {parentId: v('parentId') || null, kind: v('kind'), code: v('code'), validFrom: v('validFrom'),
      nameJa: v('nameJa'), nameKana: v('nameKana') || null, nameEn: v('nameEn') || null};
    const ok = await submit(ctx, form, {method: 'POST', path: 'organization-units', body});
    if (ok) await done(tr(ctx, `組織「${ok.body.nameJa}」を追加しました。`, `The unit "${ok.body.nameEn || ok.body.nameJa}" was added.`));
  });
  return h('section', {'aria-labelledby': 'unit-add-h'}, h('h2', {id: 'unit-add-h', text: tr(ctx, '組織の追加', 'Add a unit')}), form);
}

const REORG_KINDS = [
  ['MERGE', '統合 (複数の組織を1つに)', 'Merge (several units into one)'],
  ['RENAME', '名称変更', 'Rename'],
  ['MOVE', '移管 (別の上位組織の下へ)', 'Move (under another parent)'],
  ['ABOLISH', '廃止', 'Abolish'],
];

/**
 * 組織改正: the units it ends (the day before the effective date) and the unit that takes over from
 * them on that day (none for an abolition); the children of the ended units continue under it.
 * Previewed first, then applied with the ETag the preview answered.
 */
function reorganizationForm(ctx, units, done) {
  const form = h('form', {class: 'form', id: 'reorg-form', novalidate: true});
  const byId = new Map(units.map((u) => [u.id, u]));
  const preview = h('div', {id: 'reorg-preview', 'aria-live': 'polite'});
  const successorBox = h('fieldset', {class: 'fieldset', id: 'reorg-successor'},
      h('legend', {text: tr(ctx, '改正後の組織 (施行日から)', 'The unit from the effective date')}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'successor.parentId', type: 'select', label: tr(ctx, '上位組織', 'Parent'),
            options: unitOptions(ctx, units, tr(ctx, '(なし: 最上位)', '(none: top level)'))}),
          field(ctx, {name: 'successor.kind', type: 'select', label: tr(ctx, '種別', 'Kind'), value: 'DIVISION', options: kindOptions(ctx), required: true}),
          field(ctx, {name: 'successor.code', label: tr(ctx, 'コード', 'Code'), required: true}),
          field(ctx, {name: 'successor.nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), required: true}),
          field(ctx, {name: 'successor.nameKana', label: tr(ctx, 'よみがな', 'Reading (kana)')}),
          field(ctx, {name: 'successor.nameEn', label: tr(ctx, '英語名', 'Name (English)')})));
  const april = (() => {
    const d = new Date(Date.now() + 9 * 3600 * 1000);
    return `${d.getUTCMonth() >= 3 ? d.getUTCFullYear() + 1 : d.getUTCFullYear()}-04-01`;
  })();
  add(form,
      h('div', {class: 'grid2'},
          field(ctx, {name: 'reorgKind', type: 'select', label: tr(ctx, '改正の種類', 'Kind of change'), value: 'RENAME',
            options: REORG_KINDS.map(([value, ja, en]) => ({value, label: ctx.lang === 'en' ? en : ja}))}),
          field(ctx, {name: 'effectiveDate', type: 'date', label: tr(ctx, '施行日', 'Effective date'), value: april, required: true,
            hint: tr(ctx, '改正前の組織は前日で終了します。', 'The units before end the day before.')})),
      field(ctx, {name: 'predecessorIds', type: 'select', label: tr(ctx, '改正前の組織 (統合・廃止では複数選べます)', 'Units before (several for a merger or abolition)'),
        options: unitOptions(ctx, units), required: true, attrs: {multiple: true, size: Math.min(8, Math.max(3, units.length))}}),
      successorBox,
      h('div', {class: 'actions'},
          h('button', {type: 'submit', class: 'btn', id: 'reorg-preview-button', text: tr(ctx, '改正前と改正後を確認', 'Preview before and after')})),
      preview);
  const kindSelect = form.elements.reorgKind;
  const predecessors = form.elements.predecessorIds;
  const chosen = () => Array.from(predecessors.selectedOptions).map((o) => o.value);
  // Rename and move start from the unit as it is: its fields are filled in from the first chosen one.
  const fill = () => {
    const first = byId.get(chosen()[0]);
    successorBox.hidden = kindSelect.value === 'ABOLISH';
    if (!first || kindSelect.value === 'MERGE') return;
    const set = (n, value) => { form.elements[`successor.${n}`].value = value ?? ''; };
    set('code', first.code);
    set('nameJa', first.nameJa);
    set('nameKana', first.nameKana);
    set('nameEn', first.nameEn);
    set('kind', first.kind.code);
    const parent = units.find((u) => (u.children || []).some((c) => c.id === first.id));
    set('parentId', parent ? parent.id : '');
  };
  kindSelect.addEventListener('change', () => { fill(); preview.replaceChildren(); });
  predecessors.addEventListener('change', () => { fill(); preview.replaceChildren(); });

  const body = () => {
    const v = (n) => form.elements[n].value.trim();
    const successor = kindSelect.value === 'ABOLISH' ? null : {code: v('successor.code'), nameJa: v('successor.nameJa'),
      nameKana: v('successor.nameKana') || null, nameEn: v('successor.nameEn') || null, kind: v('successor.kind'),
      parentId: v('successor.parentId') || null};
    return {effectiveDate: v('effectiveDate'), predecessorIds: chosen(), successor};
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    preview.replaceChildren();
    const sent = body();
    const r = await submit(ctx, form, {method: 'POST', path: 'organization-units/reorganizations?dryRun=true', body: sent});
    if (!r) return;
    showPreview(r.body, r.etag, sent);
  });

  function showPreview(p, etag, sent) {
    const beforeIds = new Set(flatten(p.before.roots).map((u) => u.id));
    const afterIds = new Set(flatten(p.after.roots).map((u) => u.id));
    const word = (text, cls) => h('span', {class: `change-mark ${cls}`, text: ` 【${text}】`});
    const ended = (n) => (afterIds.has(n.id) ? null : word(tr(ctx, '終了', 'ends'), 'ends'));
    const opened = (n) => (beforeIds.has(n.id) ? null : word(tr(ctx, '新設', 'new'), 'new'));
    const c = p.changes;
    const summary = h('ul', {class: 'reorg-summary'},
        h('li', {text: tr(ctx, `終了する組織 ${c.closed.length}件 (${c.closed.map((u) => u.nameJa).join('、')})`,
            `${c.closed.length} unit(s) end (${c.closed.map((u) => u.nameEn || u.nameJa).join(', ')})`)}),
        h('li', {text: tr(ctx, `新設される組織 ${c.created.length}件`, `${c.created.length} unit(s) open`)}),
        c.moved.length ? h('li', {text: tr(ctx, `移る組織 ${c.moved.length}件`, `${c.moved.length} unit(s) move`)}) : null);
    const apply = h('button', {type: 'button', class: 'btn btn-primary', id: 'reorg-apply', text: tr(ctx, 'この内容で改正する', 'Apply this reorganisation')});
    const box = h('section', {class: 'reorg-preview', 'aria-labelledby': 'reorg-preview-h'},
        h('h3', {id: 'reorg-preview-h', text: tr(ctx, `施行日 ${p.effectiveDate} の組織図 (まだ保存されていません)`,
            `The chart on ${p.effectiveDate} (not saved yet)`)}),
        summary,
        h('div', {class: 'grid2 reorg-compare'},
            h('div', {id: 'reorg-before'}, h('h4', {text: tr(ctx, '改正前', 'Before')}),
                treeList(ctx, p.before.roots, tr(ctx, '改正前の組織図', 'The chart before'), ended)),
            h('div', {id: 'reorg-after'}, h('h4', {text: tr(ctx, '改正後', 'After')}),
                treeList(ctx, p.after.roots, tr(ctx, '改正後の組織図', 'The chart after'), opened))),
        h('div', {class: 'actions'}, apply));
    apply.addEventListener('click', async () => {
      clearErrors(form);
      apply.disabled = true;
      const r = await ctx.api('POST', 'organization-units/reorganizations', {body: sent, etag});
      apply.disabled = false;
      if (r.status === 200 || r.status === 201) {
        await done(tr(ctx, `${p.effectiveDate} 付けの組織改正を記録しました。`, `The reorganisation effective ${p.effectiveDate} was recorded.`));
        return;
      }
      if (r.status === 412) {
        const conflict = conflictNotice(ctx, () => done());
        box.replaceChildren(conflict);
        conflict.focus();
        return;
      }
      showFieldErrors(ctx, form, r.problem || {status: r.status});
    });
    preview.replaceChildren(box);
    box.querySelector('h3').setAttribute('tabindex', '-1');
    box.querySelector('h3').focus();
  }
  fill();
  return h('section', {'aria-labelledby': 'reorg-h'}, h('h2', {id: 'reorg-h', text: tr(ctx, '組織改正', 'Reorganisation')}),
      h('p', {class: 'hint', text: tr(ctx, '改正前の組織は施行日の前日で終了し、改正後の組織が施行日から引き継ぎます。下位の組織も引き継がれます。まず改正前と改正後の組織図を確認してから実行します。',
          'The units before end the day before the effective date and the new unit takes over from it, with the units under them. Preview the chart before and after, then apply.')}),
      form);
}

async function detail(root, ctx, id) {
  const r = await ctx.api('GET', `organization-units/${encodeURIComponent(id)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const u = r.body;
  ctx.setTitle(nameOf(ctx, u));
  const ref = (x) => h('li', {}, h('a', {href: ctx.href(x.id)}, `${x.nameJa} (${x.code})`),
      ` ${x.validFrom || ''}〜${x.validTo || ''}`, x.effectiveDate ? tr(ctx, ` ・${x.effectiveDate} に承継`, ` · succession on ${x.effectiveDate}`) : '');
  root.append(h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 組織の一覧へ', '← All units'))),
      facts([[tr(ctx, 'コード', 'Code'), u.code], [tr(ctx, '名称', 'Name'), u.nameJa], [tr(ctx, 'よみがな', 'Reading'), u.nameKana || '—'],
        [tr(ctx, '英語名', 'English name'), u.nameEn || '—'], [tr(ctx, '種別', 'Kind'), u.kind.label[ctx.lang]],
        [tr(ctx, '上位組織', 'Parent'), u.parent ? h('a', {href: ctx.href(u.parent.id)}, u.parent.nameJa) : '—'],
        [tr(ctx, '有効期間', 'Valid'), `${u.validFrom || ''}〜${u.validTo || tr(ctx, '(現在)', '(current)')}`]]),
      h('h2', {text: tr(ctx, '前身の組織', 'Came from')}), u.predecessors.length ? h('ul', {}, u.predecessors.map(ref)) : h('p', {text: '—'}),
      h('h2', {text: tr(ctx, '後継の組織', 'Led to')}), u.successors.length ? h('ul', {}, u.successors.map(ref)) : h('p', {text: '—'}));
  if (!canEdit(ctx) || u.validTo) return;
  root.append(correctionForm(ctx, u, r.etag), closeForm(ctx, u));
}

/** 訂正: code, names and kind as they should always have been (PUT with the unit's ETag). */
function correctionForm(ctx, u, etag) {
  const form = h('form', {class: 'form', id: 'unit-edit-form', novalidate: true});
  add(form,
      h('p', {class: 'hint', text: tr(ctx, '誤りの訂正です (過去の日付の組織図にも反映されます)。4月からの名称変更などは組織改正で記録してください。',
          'A correction (it shows on past charts too). A new name from a date is a reorganisation.')}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'code', label: tr(ctx, 'コード', 'Code'), value: u.code, required: true}),
          field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), value: u.kind.code, options: kindOptions(ctx), required: true}),
          field(ctx, {name: 'nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), value: u.nameJa, required: true}),
          field(ctx, {name: 'nameKana', label: tr(ctx, 'よみがな', 'Reading (kana)'), value: u.nameKana}),
          field(ctx, {name: 'nameEn', label: tr(ctx, '英語名', 'Name (English)'), value: u.nameEn})),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'unit-save', text: tr(ctx, '訂正を保存', 'Save the correction')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (n) => form.elements[n].value.trim();
    const body = {code: v('code'), kind: v('kind'), nameJa: v('nameJa'), nameKana: v('nameKana') || null, nameEn: v('nameEn') || null};
    const ok = await submit(ctx, form, {method: 'PUT', path: `organization-units/${encodeURIComponent(u.id)}`, body, etag,
      reload: () => ctx.navigate(ctx.href(u.id))});
    if (ok) {
      ctx.navigate(ctx.href(u.id));
      ctx.announce(tr(ctx, '訂正を保存しました。', 'The correction was saved.'));
    }
  });
  return h('section', {'aria-labelledby': 'unit-edit-h'}, h('h2', {id: 'unit-edit-h', text: tr(ctx, '名称などの訂正', 'Correct the names')}), form);
}

/** 廃止: the unit ends the day before the date (a reorganisation without successor, with the chart's ETag). */
function closeForm(ctx, u) {
  const form = h('form', {class: 'form', id: 'unit-close-form', novalidate: true});
  add(form,
      field(ctx, {name: 'effectiveDate', type: 'date', label: tr(ctx, '廃止日 (この日から存在しません)', 'Abolished from (no longer exists that day)'), required: true}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-danger', id: 'unit-close', text: tr(ctx, 'この組織を廃止', 'Abolish this unit')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chart = await ctx.api('GET', 'organization-units/tree');
    const body = {effectiveDate: form.elements.effectiveDate.value, predecessorIds: [u.id], successor: null};
    const ok = await submit(ctx, form, {method: 'POST', path: 'organization-units/reorganizations', body, etag: chart.etag,
      reload: () => ctx.navigate(ctx.href(u.id))});
    if (ok) {
      ctx.navigate(ctx.href(u.id));
      ctx.announce(tr(ctx, '組織を廃止しました。', 'The unit was abolished.'));
    }
  });
  return h('section', {'aria-labelledby': 'unit-close-h'}, h('h2', {id: 'unit-close-h', text: tr(ctx, '組織の廃止', 'Abolish the unit')}), form);
}
