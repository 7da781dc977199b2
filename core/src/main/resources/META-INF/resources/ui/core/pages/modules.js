// Module enablement of the municipality: which modules it uses. Switching needs a municipality
// administrator; the navigation follows at once (the module's screens appear or disappear).
import {h, add, tr, notice, problemText} from '../kit.js';

export default async function render(root, ctx) {
  const canSwitch = ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller.role);
  const message = h('div', {id: 'modules-message'});
  const table = h('table', {class: 'list', id: 'modules-table'});
  add(root, h('p', {text: tr(ctx, 'この自治体で使う業務モジュールを選びます。無効にしたモジュールの画面と API は使えなくなりますが、データは残ります。',
      'Choose the modules this municipality uses. A disabled module\'s screens and API are gone for it; its data stays.')}),
  canSwitch ? null : notice(tr(ctx, '切り替えは自治体管理者が行います。', 'Only a municipality administrator can switch modules.')),
  message, h('div', {class: 'table-wrap'}, table));

  async function load() {
    const modules = await ctx.getJson('modules');
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
