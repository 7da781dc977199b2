// Module enablement of the municipality: which modules it uses. Switching needs a municipality
// administrator; the navigation follows at once (the module's screens appear or disappear).
import {h, add, tr, notice, problemText, field, submit, uid} from '../kit.js';

export default async function render(root, ctx) {
  const canSwitch = ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller.role);
  const message = h('div', {id: 'modules-message'});
  const table = h('table', {class: 'list', id: 'modules-table'});
  add(root, h('p', {text: tr(ctx, 'この自治体で使う業務モジュールを選びます。無効にしたモジュールの画面と API は使えなくなりますが、データは残ります。',
      'Choose the modules this municipality uses. A disabled module\'s screens and API are gone for it; its data stays.')}),
  canSwitch ? null : notice(tr(ctx, '切り替えは自治体管理者が行います。', 'Only a municipality administrator can switch modules.')),
  message, h('div', {class: 'table-wrap'}, table));
  const settingsBox = h('section', {id: 'module-settings', 'aria-labelledby': 'module-settings-title'});
  root.append(settingsBox);

  async function load() {
    const modules = await ctx.getJson('modules');
    await drawSettings(ctx, settingsBox, modules.filter((m) => m.enabled));
    table.replaceChildren(
        h('caption', {text: tr(ctx, 'モジュール', 'Modules')}),
        h('thead', {}, h('tr', {}, [tr(ctx, 'モジュール', 'Module'), tr(ctx, '版', 'Version'), tr(ctx, '稼働状態', 'Runtime state'),
          tr(ctx, 'この自治体', 'This municipality')].map((x) => h('th', {scope: 'col', text: x})))),
        h('tbody', {}, modules.map((m) => {
          const name = ctx.lang === 'en' ? m.nameEn : m.nameJa;
          const state = h('span', {class: m.enabled ? 'status-on' : 'status-off', text: m.enabled ? tr(ctx, '有効', 'Enabled') : tr(ctx, '無効', 'Disabled')});
          const cell = h('td', {}, h('div', {class: 'switch-row'}, state, canSwitch ? h('button', {
            type: 'button', class: 'btn', id: `toggle-${m.id}`, dataset: {module: m.id},
            disabled: !m.enabled && m.status !== 'STARTED',
            'aria-label': m.enabled ? tr(ctx, `${name}を無効にする`, `Disable ${name}`) : tr(ctx, `${name}を有効にする`, `Enable ${name}`),
            text: m.enabled ? tr(ctx, '無効にする', 'Disable') : tr(ctx, '有効にする', 'Enable'),
            on: {click: () => toggle(m, !m.enabled)}}) : null));
          return h('tr', {dataset: {module: m.id}}, h('th', {scope: 'row'}, name, h('br'), h('code', {text: m.id})),
              h('td', {text: m.version}), h('td', {}, m.status === 'STARTED' ? tr(ctx, '稼働中', 'Started') : `${m.status}${m.reason ? ` — ${m.reason}` : ''}`), cell);
        })));
  }

  async function toggle(m, enabled) {
    message.replaceChildren();
    const r = await ctx.api('PUT', `modules/${encodeURIComponent(m.id)}`, {body: {enabled}});
    if (r.status === 200) {
      const name = ctx.lang === 'en' ? m.nameEn : m.nameJa;
      message.replaceChildren(notice(enabled ? tr(ctx, `${name}を有効にしました。`, `${name} is now enabled.`)
          : tr(ctx, `${name}を無効にしました。`, `${name} is now disabled.`)));
      await ctx.refreshNav();
      await load();
      document.getElementById(`toggle-${m.id}`)?.focus();
    } else {
      message.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
    }
  }

  await load();
}

// ---- module settings ----------------------------------------------------------------------------

const TYPE_HINT = {
  INTEGER: ['整数', 'a whole number'], DECIMAL: ['数値', 'a number'], BOOLEAN: ['はい/いいえ', 'yes/no'],
  STRING: ['文字列', 'text'], LIST: ['一覧 (1 行に 1 項目、カンマは使えません)', 'a list (one item a row, no commas)'],
};

/**
 * The settings each enabled module declares, as this municipality has them: a form per module
 * (municipality administrators edit, everybody else reads), defaults shown, field errors per key,
 * If-Match with a reload offer on 412.
 */
async function drawSettings(ctx, box, modules) {
  const canEdit = ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller.role);
  const parts = [h('h2', {id: 'module-settings-title', text: tr(ctx, 'モジュールの設定', 'Module settings')}),
    h('p', {text: canEdit ? tr(ctx, 'この自治体でのモジュールの設定です。空欄または「既定値に戻す」で既定値になります。',
        'How this municipality has each module. An empty value, or "Back to the default", means the default.')
      : tr(ctx, '設定の変更は自治体管理者が行います。', 'Only a municipality administrator can change settings.')})];
  for (const m of modules) {
    const r = await ctx.api('GET', `modules/${encodeURIComponent(m.id)}/settings`);
    if (r.status !== 200 || r.body.settings.length === 0) continue;
    parts.push(settingsForm(ctx, m, r.body, r.etag, canEdit));
  }
  box.replaceChildren(...parts);
}

function settingsForm(ctx, m, data, etag, canEdit) {
  const name = ctx.lang === 'en' ? m.nameEn : m.nameJa;
  const form = h('form', {class: 'form module-settings', id: `settings-${m.id}`, dataset: {module: m.id}, novalidate: true},
      h('h3', {text: name}));
  const readers = [];
  for (const s of data.settings) {
    const key = `values.${s.key}`;
    const id = `set-${m.id}-${s.key}`;
    const hint = tr(ctx, `${TYPE_HINT[s.type]?.[0] || s.type}。既定値: ${show(ctx, s.defaultValue)}${s.set ? '' : ' (既定値を使用中)'}`,
        `${TYPE_HINT[s.type]?.[1] || s.type}. Default: ${show(ctx, s.defaultValue)}${s.set ? '' : ' (in use)'}`);
    if (s.type === 'LIST') {
      const items = h('ol', {class: 'setting-list'});
      const fs = h('fieldset', {name: key, id, class: 'field field-list', dataset: {field: key}, 'aria-describedby': `${id}-hint ${id}-error`},
          h('legend', {text: s.label}), items,
          h('p', {class: 'hint', id: `${id}-hint`, text: hint}), h('p', {class: 'field-error', id: `${id}-error`, hidden: true}));
      const addItem = (value) => {
        const n = items.children.length;
        const iid = uid(`${id}-item`);
        const li = h('li', {}, h('label', {for: iid, class: 'visually-hidden', text: tr(ctx, `${s.label} ${n + 1}`, `${s.label} ${n + 1}`)}),
            h('input', {type: 'text', id: iid, name: `${key}[${n}]`, value: value ?? '', disabled: !canEdit, 'aria-describedby': `${iid}-error`}),
            canEdit ? h('button', {type: 'button', class: 'btn remove-item', 'aria-label': tr(ctx, `${n + 1} 番目を削除`, `Remove item ${n + 1}`),
              text: tr(ctx, '削除', 'Remove'), on: {click: () => { li.remove(); renumber(); }}}) : null,
            h('p', {class: 'field-error', id: `${iid}-error`, hidden: true}));
        items.append(li);
        return li;
      };
      const renumber = () => [...items.querySelectorAll('input')].forEach((i, n) => { i.name = `${key}[${n}]`; });
      (Array.isArray(s.value) ? s.value : []).forEach(addItem);
      if (canEdit) {
        fs.append(h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn add-item', text: tr(ctx, '項目を追加', 'Add an item'),
              on: {click: () => addItem('').querySelector('input').focus()}}),
            h('button', {type: 'button', class: 'btn', text: tr(ctx, '既定値に戻す', 'Back to the default'),
              on: {click: () => { items.replaceChildren(); (s.defaultValue || []).forEach(addItem); }}})));
      }
      form.append(fs);
      readers.push([s.key, () => [...items.querySelectorAll('input')].map((i) => i.value.trim()).filter((x) => x !== '')]);
    } else {
      const type = s.type === 'BOOLEAN' ? 'checkbox' : (s.type === 'STRING' ? 'text' : 'number');
      const w = field(ctx, {name: key, id, type, label: s.label, hint, value: s.type === 'BOOLEAN' ? s.value === true : s.value,
        attrs: {disabled: !canEdit}});
      const input = w.querySelector('input');
      if (canEdit && s.type !== 'BOOLEAN') {
        w.append(h('button', {type: 'button', class: 'btn', text: tr(ctx, '既定値に戻す', 'Back to the default'),
          on: {click: () => { input.value = s.defaultValue ?? ''; input.focus(); }}}));
      }
      form.append(w);
      readers.push([s.key, () => {
        if (s.type === 'BOOLEAN') return input.checked;
        const v = input.value.trim();
        if (v === '') return null;
        if (s.type === 'STRING') return v;
        const t = v.replace(/,/g, '');
        return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
      }]);
    }
  }
  if (canEdit) {
    form.append(h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: `save-settings-${m.id}`,
      text: tr(ctx, `${name}の設定を保存`, `Save the settings of ${name}`)})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const values = {};
      for (const [k, read] of readers) values[k] = read();
      const r = await submit(ctx, form, {method: 'PUT', path: `modules/${encodeURIComponent(m.id)}/settings`, body: {values}, etag,
        reload: () => ctx.navigate(location.hash)});
      if (r) {
        const fresh = settingsForm(ctx, m, r.body, r.etag, canEdit);
        form.replaceWith(fresh);
        fresh.prepend(notice(tr(ctx, `${name}の設定を保存しました。`, `The settings of ${name} were saved.`)));
        ctx.announce(tr(ctx, `${name}の設定を保存しました。`, `The settings of ${name} were saved.`));
      }
    });
  }
  return form;
}

function show(ctx, v) {
  if (v === null || v === undefined) return tr(ctx, '(なし)', '(none)');
  if (Array.isArray(v)) return v.join(ctx.lang === 'en' ? ', ' : '、');
  if (v === true) return tr(ctx, 'はい', 'yes');
  if (v === false) return tr(ctx, 'いいえ', 'no');
  return String(v);
}
