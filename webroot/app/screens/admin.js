// 系统管理: people (create, roles, department, password, deactivation) and departments (name,
// level, parent). Each row is its own small form sent with the version it was drawn from; a
// deactivation or a new password ends the person's sessions at once, on every node (server).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, section, keyed, field, showErrors, clearErrors, busy, banner, picker, picked, options, wide, fill, explain } from '../ui.js';
import { meta, name } from '../meta.js';
import { departmentGroups } from '../forms.js';

export async function render(root, { user }) {
  const vocabulary = await meta();
  let departments = await api.get('/api/departments');
  // where people may sign in through the identity provider, an account can be linked to their subject there
  const sso = (await api.get('/api/session')).sso === true;
  const usersBody = h('tbody', { id: 'user-rows' });
  const departmentsBody = h('tbody', { id: 'department-rows' });

  const roleBoxes = (chosen = []) => h('span', { class: 'roles' }, vocabulary.roles.map(r => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'roles', value: r, checked: chosen.includes(r) }), t(`role.${r}`))));
  const rolesOf = el => [...el.querySelectorAll('input[name=roles]:checked')].map(i => i.value);
  const departmentPicker = (value, id) => picker('departmentId', departmentGroups(departments, vocabulary),
    { value, id, placeholderKey: 'common.noDepartment', labelKey: 'table.department' });

  async function loadUsers() {
    const users = await api.get('/api/users');
    keyed(usersBody, users, u => u.id, userRow, u => `${u.version}|${u.active}|${u.signIn}`);
  }
  async function loadDepartments() {
    departments = await api.get('/api/departments');
    keyed(departmentsBody, departments, d => d.id, departmentRow, d => d.version);
  }

  function userRow(u) {
    const display = h('input', { type: 'text', name: 'displayName', value: u.displayName, maxlength: 100, 'aria-label': t('admin.displayName') });
    const roles = roleBoxes(u.roles);
    const dept = departmentPicker(u.departmentId, null);
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', placeholder: t('admin.newPassword'),
      'aria-label': t('admin.newPassword') });
    const save = h('button', { type: 'submit' }, t('action.save'));
    const subject = sso ? h('input', { type: 'text', name: 'ssoSubject', value: u.ssoSubject || '', maxlength: 255,
      placeholder: t('field.ssoSubject'), 'aria-label': t('field.ssoSubject') }) : null;
    const form = h('form', { class: 'row-form', novalidate: true, dataset: { user: u.username } },
      h('div', { class: 'field', dataset: { field: 'displayName' } }, display, h('div', { class: 'field-error error', dataset: { errorFor: 'displayName' } })),
      h('div', { class: 'field', dataset: { field: 'roles' } }, roles, h('div', { class: 'field-error error', dataset: { errorFor: 'roles' } })),
      h('div', { class: 'field', dataset: { field: 'departmentId' } }, dept, h('div', { class: 'field-error error', dataset: { errorFor: 'departmentId' } })),
      subject ? h('div', { class: 'field', dataset: { field: 'ssoSubject' } }, subject, h('div', { class: 'field-error error', dataset: { errorFor: 'ssoSubject' } })) : null,
      save);
    form.addEventListener('submit', e => {
      e.preventDefault();
      const change = {};
      if (display.value.trim() !== u.displayName) change.displayName = display.value.trim();
      if (JSON.stringify(rolesOf(roles).sort()) !== JSON.stringify([...u.roles].sort())) change.roles = rolesOf(roles);
      const d = picked(dept)[0];
      if (d && d !== u.departmentId) change.departmentId = d;
      if (subject && subject.value.trim() !== (u.ssoSubject || '')) change.ssoSubject = subject.value.trim() || null;
      busy(save, () => patch(u, change, form));
    });
    const reset = h('button', { type: 'submit', class: 'secondary' }, t('admin.resetPassword'));
    const resetForm = h('form', { class: 'inline', novalidate: true, dataset: { reset: u.username } },
      h('div', { class: 'field', dataset: { field: 'password' } }, password, h('div', { class: 'field-error error', dataset: { errorFor: 'password' } })), reset);
    resetForm.addEventListener('submit', e => {
      e.preventDefault();
      busy(reset, () => patch(u, { password: password.value }, resetForm, 'admin.passwordReset'));
    });
    // deactivating ends every session of the person at once: it is asked once more, beside the button
    const sure = h('span', { class: 'deactivate-sure', hidden: true, dataset: { sureFor: u.username } },
      h('span', { class: 'error small' }, t('admin.deactivateSure', { name: u.displayName })), ' ',
      h('button', { type: 'button', class: 'danger', dataset: { confirmToggle: u.username },
        onclick: e => busy(e.currentTarget, () => patch(u, { active: false }, form, 'admin.deactivated')) }, t('admin.deactivate')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => { sure.hidden = true; toggle.hidden = false; toggle.focus(); } },
        t('action.cancel')));
    const toggle = h('button', { type: 'button', class: u.active ? 'danger' : 'secondary', dataset: { toggle: u.username },
      disabled: u.id === user.id,
      onclick: () => {
        if (!u.active) return busy(toggle, () => patch(u, { active: true }, form, null));
        toggle.hidden = true;
        sure.hidden = false;
        sure.querySelector('button').focus();
      } },
    t(u.active ? 'admin.deactivate' : 'admin.activate'));
    // a wall account gets a kiosk link instead of typing a password on the screen
    const shown = h('div', { class: 'kiosk-link', dataset: { kioskFor: u.username } });
    const kiosk = u.roles.includes('wall') ? h('button', { type: 'button', class: 'secondary', dataset: { kiosk: u.username },
      onclick: () => busy(kiosk, async () => {
        try {
          const issued = await api.post(`/api/users/${u.id}/kiosk-key`);
          const url = `${location.origin}${issued.path}`;
          fill(shown, h('span', { class: 'muted' }, t('admin.kioskShown')), h('input', { type: 'text', readonly: true, value: url, 'aria-label': t('admin.kiosk'),
            onfocus: e => e.target.select() }));
        } catch (err) { banner(explain(err)); }
      }) }, t('admin.kiosk')) : null;
    return h('tr', { class: u.active ? '' : 'inactive', dataset: { user: u.username } },
      h('td', {}, h('strong', {}, u.username), h('div', { class: 'muted' }, u.active ? t('admin.active') : t('admin.inactive')),
        h('div', { class: 'muted', dataset: { signIn: u.signIn } }, t('admin.signsInBy', { how: t(`signIn.${u.signIn}`) }))),
      h('td', { dataset: { label: t('admin.roles') } }, form), h('td', { dataset: { label: t('admin.resetPassword') } }, resetForm),
      h('td', {}, toggle, sure, kiosk, shown));
  }

  async function patch(u, change, form, doneKey = 'common.saved') {
    if (!Object.keys(change).length) return;
    try {
      await api.patch(`/api/users/${u.id}`, { version: u.version, ...change });
      clearErrors(form);
      banner(t(doneKey), 'info');
    } catch (err) {
      if (err.status === 409) banner(t('conflict.title'));
      else return showErrors(form, err);
    }
    await loadUsers();
  }

  function newUserForm() {
    const inputs = {
      username: h('input', { type: 'text', name: 'username', maxlength: 64, autocomplete: 'off' }),
      displayName: h('input', { type: 'text', name: 'displayName', maxlength: 100 }),
      password: h('input', { type: 'password', name: 'password', autocomplete: 'new-password' }),
    };
    const roles = roleBoxes([]);
    const dept = departmentPicker(null, 'new-user-department');
    const create = h('button', { type: 'submit', id: 'user-create' }, t('admin.create'));
    const form = h('form', { class: 'grid-form', id: 'user-form', novalidate: true },
      field('admin.username', inputs.username), field('admin.displayName', inputs.displayName), field('admin.password', inputs.password),
      h('div', { class: 'field', dataset: { field: 'departmentId' } }, h('label', {}, t('admin.department')), dept,
        h('div', { class: 'field-error error', dataset: { errorFor: 'departmentId' } })),
      wide(h('div', { class: 'field', dataset: { field: 'roles' } }, h('label', {}, t('admin.roles')), roles,
        h('div', { class: 'field-error error', dataset: { errorFor: 'roles' } }))),
      h('div', { class: 'row wide' }, create));
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(create, async () => {
        const body = { username: inputs.username.value.trim(), displayName: inputs.displayName.value.trim(),
          password: inputs.password.value, roles: rolesOf(roles) };
        const d = picked(dept)[0];
        if (d) body.departmentId = d;
        try {
          const created = await api.post('/api/users', body, { 'Idempotency-Key': crypto.randomUUID() });
          form.reset();
          options(dept, departmentGroups(departments, vocabulary), []);
          clearErrors(form);
          banner(t('admin.userCreated', { name: created.username }), 'info');
          await loadUsers();
        } catch (err) { showErrors(form, err); }
      });
    });
    return h('details', { class: 'card', id: 'admin-new-user' }, h('summary', {}, t('admin.newUser')), form);
  }

  const levelSelect = (value, attrs = {}) => {
    const s = h('select', { name: 'level', ...attrs }, h('option', { value: '' }, t('common.choose')),
      vocabulary.levels.map(l => h('option', { value: l.key }, name(l))));
    s.value = value || '';
    return s;
  };
  const parentPicker = (value, except) => picker('parentId', departmentGroups(departments.filter(d => d.id !== except), vocabulary),
    { value, placeholderKey: 'admin.noParent', labelKey: 'admin.parent' });

  function departmentRow(d) {
    const nameInput = h('input', { type: 'text', name: 'name', value: d.name, maxlength: 100, 'aria-label': t('table.department') });
    const shortInput = h('input', { type: 'text', name: 'shortName', value: d.shortName || '', maxlength: 40, 'aria-label': t('admin.shortName') });
    const level = levelSelect(d.level, { 'aria-label': t('table.level') });
    const parent = parentPicker(d.parentId, d.id);
    const save = h('button', { type: 'submit' }, t('action.save'));
    const slot = (n, el) => h('div', { class: 'field', dataset: { field: n } }, el, h('div', { class: 'field-error error', dataset: { errorFor: n } }));
    const form = h('form', { class: 'row-form', novalidate: true, dataset: { department: d.id } },
      slot('name', nameInput), slot('shortName', shortInput), slot('level', level), slot('parentId', parent), save);
    form.addEventListener('submit', e => {
      e.preventDefault();
      const change = {};
      if (nameInput.value.trim() !== d.name) change.name = nameInput.value.trim();
      if (shortInput.value.trim() !== (d.shortName || '')) change.shortName = shortInput.value.trim();
      if (level.value && level.value !== d.level) change.level = level.value;
      const p = picked(parent)[0] ?? null;
      if (p !== (d.parentId ?? null)) change.parentId = p;
      if (!Object.keys(change).length) return;
      busy(save, async () => {
        try {
          await api.patch(`/api/departments/${d.id}`, { version: d.version, ...change });
          banner(t('common.saved'), 'info');
        } catch (err) {
          if (err.status === 409) banner(t('conflict.title'));
          else return showErrors(form, err);
        }
        await loadDepartments();
      });
    });
    return h('tr', { dataset: { department: d.id } }, h('td', {}, form), h('td', { class: 'num', dataset: { label: t('admin.members') } }, String(d.members ?? 0)));
  }

  function newDepartmentForm() {
    const nameInput = h('input', { type: 'text', name: 'name', maxlength: 100 });
    const shortInput = h('input', { type: 'text', name: 'shortName', maxlength: 40 });
    const level = levelSelect(null);
    const parent = parentPicker(null, null);
    const create = h('button', { type: 'submit', id: 'department-create' }, t('admin.create'));
    const form = h('form', { class: 'grid-form', id: 'department-form', novalidate: true },
      field('table.department', nameInput), field('admin.shortName', shortInput), field('table.level', level),
      h('div', { class: 'field', dataset: { field: 'parentId' } }, h('label', {}, t('admin.parent')), parent,
        h('div', { class: 'field-error error', dataset: { errorFor: 'parentId' } })),
      h('div', { class: 'row wide' }, create));
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(create, async () => {
        const body = { name: nameInput.value.trim(), level: level.value || undefined };
        if (shortInput.value.trim()) body.shortName = shortInput.value.trim();
        const p = picked(parent)[0];
        if (p) body.parentId = p;
        try {
          await api.post('/api/departments', body, { 'Idempotency-Key': crypto.randomUUID() });
          form.reset();
          clearErrors(form);
          banner(t('common.saved'), 'info');
          await loadDepartments();
          options(parent, departmentGroups(departments, vocabulary), []);
        } catch (err) { showErrors(form, err); }
      });
    });
    return h('details', { class: 'card', id: 'admin-new-department' }, h('summary', {}, t('admin.newDepartment')), form);
  }

  const head = keys => h('thead', {}, h('tr', {}, keys.map(k => h('th', { scope: 'col' }, t(k)))));
  root.replaceChildren(h('h1', {}, t('admin.title')),
    user.may?.MANAGE_USERS ? newUserForm() : '',
    user.may?.MANAGE_USERS ? section('admin.users', h('div', { class: 'scroll' }, h('table', { class: 'grid stack', id: 'users' },
      head(['admin.username', 'admin.roles', 'admin.resetPassword', 'table.actions']), usersBody))) : '',
    user.may?.MANAGE_DEPARTMENTS ? newDepartmentForm() : '',
    section('admin.departments', h('div', { class: 'scroll' }, h('table', { class: 'grid stack', id: 'departments' },
      head(['table.department', 'admin.members']), departmentsBody))));
  await Promise.all([user.may?.MANAGE_USERS ? loadUsers() : null, loadDepartments()].filter(Boolean));
  if (!user.may?.MANAGE_DEPARTMENTS) departmentsBody.querySelectorAll('button, input, select').forEach(el => { el.disabled = true; });
  return () => {};
}
