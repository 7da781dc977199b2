// Shared pieces of the planning module's document screens (department policies, division plans,
// reform items): unit choices from the organisational tree, fiscal-year and number reading, a
// repeatable-rows editor with add / remove / move, "one per line" lists, and the copy-a-year action.
// Not a screen of its own (not declared in PlanningModule.ui()). DOM built with createElement only.
import {h, tr, uid, field, notice, problemText, showFieldErrors} from '/ui/core/kit.js';

/** The organisational tree (today) as [{value, label}] with indentation by depth; '' first. */
export async function unitOptions(ctx, emptyLabel) {
  let tree;
  try {
    tree = await ctx.getJson('organization-units/tree');
  } catch (e) {
    tree = {roots: []};
  }
  const out = [{value: '', label: emptyLabel || tr(ctx, '(選択してください)', '(choose)')}];
  const walk = (nodes, depth) => nodes.forEach((n) => {
    out.push({value: n.id, label: `${'　'.repeat(depth)}${n.nameJa}${n.kind && n.kind.label ? ` (${ctx.lang === 'en' ? n.kind.label.en : n.kind.label.ja})` : ''}`});
    walk(n.children || [], depth + 1);
  });
  walk(tree.roots || [], 0);
  return out;
}

/** Fiscal year as the API accepts it: 2025, or the text ("R7", "令和7年度") as typed; null when empty. */
export function yearValue(text) {
  const s = String(text ?? '').trim();
  if (!s) return null;
  return /^\d{4}$/.test(s) ? Number(s) : s;
}

/** The year (2025) of a FiscalYear as the API sends it ({year, label}) or null. */
export const yearOf = (fy) => (fy && typeof fy === 'object' ? fy.year : fy ?? null);

/**
 * Reads a number field; records a local error (field path, message) when it is not a number.
 * Full-width digits and commas are accepted (１，２００ → 1200).
 */
export function numberValue(ctx, form, name, errors, integer = false) {
  const el = form.elements[name];
  if (!el) return null;
  const raw = el.value.normalize('NFKC').replace(/,/g, '').trim();
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    errors.push({field: name, message: integer ? tr(ctx, '整数で入力してください。', 'Enter a whole number.')
      : tr(ctx, '数値で入力してください。', 'Enter a number.')});
    return null;
  }
  return n;
}

/** Shows errors found before sending (same place as the API's). */
export function showLocalErrors(ctx, form, errors) {
  showFieldErrors(ctx, form, {status: 400, title: tr(ctx, '入力内容を確認してください。', 'Please check your input.'), errors});
}

/** A textarea holding a list, one item per line. */
export function linesField(ctx, {name, label, value, hint}) {
  return field(ctx, {name, label, type: 'textarea', value: (value || []).join('\n'),
    hint: hint || tr(ctx, '1 行に 1 項目', 'One item per line')});
}

/** The lines of a linesField, without empty ones. */
export function linesValue(form, name) {
  return (form.elements[name]?.value || '').split('\n').map((s) => s.trim()).filter((s) => s);
}

/**
 * Rows of fields that can be added, removed and (with ordered) moved up and down; the list's order
 * is what the API keeps (e.g. priority). Each row's controls are named `${name}[i].${key}` so the
 * API's field errors land next to them. fields: [{key, label, type, options, wide}] or
 * {key, custom: (item, prefix, ctx) => {element, read}} for a nested editor.
 *
 *   const goals = repeater(ctx, {name: 'goals', legend: '部の目標', items, blank: () => ({title: ''}), fields: [...]});
 *   form.append(goals.element); … body.goals = goals.read();
 */
export function repeater(ctx, {name, legend, items, fields, blank, ordered, itemLabel, addLabel, id}) {
  let rows = (items || []).map((x) => ({...x}));
  let customs = [];
  const list = h('ol', {class: 'rows'});
  const boxId = id || uid('rep');
  const live = h('p', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});

  const sync = () => {
    rows.forEach((row, i) => {
      for (const f of fields) {
        if (f.custom) continue;
        const el = list.querySelector(`[name="${name}[${i}].${f.key}"]`);
        if (!el) continue;
        row[f.key] = f.type === 'checkbox' ? el.checked : el.value;
      }
      if (customs[i]) Object.assign(row, customs[i]());
    });
  };

  const draw = (focusRow, focusSelector) => {
    customs = [];
    list.replaceChildren(...rows.map((row, i) => {
      const label = itemLabel ? itemLabel(i) : `${i + 1}`;
      const cells = fields.map((f) => {
        if (f.custom) {
          const c = f.custom(row, `${name}[${i}]`, ctx);
          customs[i] = c.read;
          return h('div', {class: 'row-wide'}, c.element);
        }
        const wrap = field(ctx, {name: `${name}[${i}].${f.key}`, label: `${f.label} (${label})`, type: f.type || 'text',
          value: row[f.key] ?? (f.type === 'select' ? '' : ''), options: f.options, id: `${boxId}-${i}-${f.key}`, hint: f.hint});
        if (f.wide) wrap.classList.add('row-wide');
        return wrap;
      });
      const move = (d) => () => {
        sync();
        const [x] = rows.splice(i, 1);
        rows.splice(i + d, 0, x);
        draw(i + d, d < 0 ? '.up' : '.down');
        live.textContent = tr(ctx, `${label} を ${i + d + 1} 番目に移動しました。`, `Moved ${label} to position ${i + d + 1}.`);
      };
      const tools = h('div', {class: 'row-tools'},
          ordered ? h('button', {type: 'button', class: 'btn up', disabled: i === 0, text: tr(ctx, '↑ 上へ', '↑ Up'),
            'aria-label': tr(ctx, `${label} を上へ`, `Move ${label} up`), on: {click: move(-1)}}) : null,
          ordered ? h('button', {type: 'button', class: 'btn down', disabled: i === rows.length - 1, text: tr(ctx, '↓ 下へ', '↓ Down'),
            'aria-label': tr(ctx, `${label} を下へ`, `Move ${label} down`), on: {click: move(1)}}) : null,
          h('button', {type: 'button', class: 'btn btn-danger remove', text: tr(ctx, '削除', 'Remove'),
            'aria-label': tr(ctx, `${label} を削除`, `Remove ${label}`),
            on: {click: () => { sync(); rows.splice(i, 1); draw(Math.min(i, rows.length - 1), '.remove'); live.textContent = tr(ctx, `${label} を削除しました。`, `Removed ${label}.`); }}}));
      return h('li', {class: 'row-item', dataset: {row: String(i)}},
          h('div', {class: 'row-head'}, h('span', {class: 'row-label', text: label}), tools),
          h('div', {class: 'row-fields grid2'}, cells));
    }));
    if (focusRow !== undefined && focusRow >= 0 && rows.length) {
      const li = list.children[focusRow];
      const target = (focusSelector && li.querySelector(`${focusSelector}:not([disabled])`)) || li.querySelector('input, select, textarea');
      if (target) target.focus();
    } else if (focusRow !== undefined) {
      addButton.focus();
    }
  };

  const addButton = h('button', {type: 'button', class: 'btn add', id: `${boxId}-add`,
    text: addLabel || tr(ctx, '追加', 'Add'),
    on: {click: () => { sync(); rows.push(blank()); draw(rows.length - 1); }}});
  const element = h('fieldset', {class: 'repeater', id: boxId, dataset: {name}}, h('legend', {text: legend}), list, live, addButton);
  draw();
  return {
    element,
    /** The rows as edited (the values as typed, plus what the items carried that the form does not show). */
    read() { sync(); return rows.map((r) => ({...r})); },
  };
}

/**
 * "Copy this fiscal year into the next" (POST {path}/copy?from=&to=) with a confirmation step
 * in the page (no browser dialog): the years, a button, then 「コピーする」 / 「やめる」.
 */
export function copyYearBox(ctx, {path, what, defaultFrom, onDone}) {
  const fromField = field(ctx, {name: 'from', label: tr(ctx, 'コピー元の年度', 'Copy from fiscal year'), value: defaultFrom ?? '', id: 'copy-from',
    hint: tr(ctx, '例: 2025, R7, 令和7年度', 'e.g. 2025, R7')});
  const toField = field(ctx, {name: 'to', label: tr(ctx, 'コピー先の年度', 'Copy into fiscal year'), value: defaultFrom ? defaultFrom + 1 : '', id: 'copy-to'});
  const result = h('div', {class: 'copy-result'});
  const confirmBox = h('div', {class: 'notice confirm', id: 'copy-confirm', role: 'group', hidden: true, tabindex: '-1'});
  const form = h('form', {class: 'filters copy-form', id: 'copy-form', novalidate: true, 'aria-labelledby': 'copy-heading', on: {submit: (e) => {
    e.preventDefault();
    const from = form.elements.from.value.trim();
    const to = form.elements.to.value.trim();
    result.replaceChildren();
    confirmBox.replaceChildren(
        h('p', {text: tr(ctx, `${label(from)}の${what.ja}をすべて${label(to)}へコピーします。コピー元はそのまま残ります。よろしいですか。`,
            `Copy every ${what.en} of ${label(from)} into ${label(to)}? The originals stay as they are.`)}),
        h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn btn-primary', id: 'copy-confirm-yes', text: tr(ctx, 'コピーする', 'Copy'), on: {click: () => run(from, to)}}),
            h('button', {type: 'button', class: 'btn', id: 'copy-confirm-no', text: tr(ctx, 'やめる', 'Cancel'),
              on: {click: () => { confirmBox.hidden = true; form.querySelector('#copy-start').focus(); }}})));
    confirmBox.hidden = false;
    confirmBox.querySelector('#copy-confirm-yes').focus();
  }}},
  fromField, toField, h('button', {type: 'submit', class: 'btn', id: 'copy-start', text: tr(ctx, '次の年度へコピー…', 'Copy to another year…')}));
  const label = (s) => {
    const y = yearValue(s);
    return typeof y === 'number' ? ctx.fiscalYearLabel(y) : (s || '?');
  };
  async function run(from, to) {
    confirmBox.hidden = true;
    form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
    const q = new URLSearchParams({from, to});
    const r = await ctx.api('POST', `${path}/copy?${q}`);
    if (r.status === 200) {
      const n = (r.body || []).length;
      result.replaceChildren(notice(tr(ctx, `${n} 件を${label(to)}へコピーしました。`, `Copied ${n} into ${label(to)}.`)));
      ctx.announce(tr(ctx, `${n} 件コピーしました。`, `Copied ${n}.`));
      if (onDone) onDone(to);
    } else {
      showFieldErrors(ctx, form, r.problem || {status: r.status});
      if (!(r.problem && r.problem.errors && r.problem.errors.length)) {
        result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      }
    }
  }
  return h('section', {class: 'copy-year', 'aria-labelledby': 'copy-heading'},
      h('h2', {id: 'copy-heading', text: tr(ctx, '年度のコピー', 'Copy a fiscal year')}),
      h('p', {class: 'hint', text: tr(ctx, `ある年度の${what.ja}を次の年度の下書きとしてコピーします。`, `Copies the ${what.en} of one fiscal year as drafts for another.`)}),
      form, confirmBox, result);
}

/** The list screen's filter by fiscal year. */
export function yearFilter(ctx, onChange, label) {
  const f = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), id: 'filter-year',
    hint: tr(ctx, '例: 2025, R7, 令和7年度 (空欄ですべて)', 'e.g. 2025, R7 (empty: all)')});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': label, on: {submit: (e) => { e.preventDefault(); onChange(); }}},
      f, h('button', {type: 'submit', class: 'btn', id: 'filter-go', text: tr(ctx, '絞り込む', 'Filter')}));
  return form;
}

/** Months of the fiscal year, April first: [4, 5, … 12, 1, 2, 3]. */
export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

/** 4月 / Apr. */
export function monthLabel(ctx, m) {
  return ctx.lang === 'en' ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] : `${m}月`;
}

/** Month choices for a select, April first. */
export function monthOptions(ctx) {
  return FISCAL_MONTHS.map((m) => ({value: String(m), label: monthLabel(ctx, m)}));
}
