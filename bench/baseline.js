// MEASURING STICK ONLY, never served to users: see baseline.html.
//
// `#guest=TOKEN` reads config.json, resolves the link and shows the entry form.
// `#media=ENTRY` reads config.json and the entry's settings, and shows a button that
// lists the links in a table. Errors are shown as text; nothing else is handled.

const page = document.getElementById('page');
const [mode, value] = decodeURIComponent(location.hash.slice(1)).split('=');

async function call(config, service, action, params) {
  const response = await fetch(`${config.serviceUrl}/api_v3/service/${service}/action/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...params, ks: config.ks, format: 1 }),
  });
  const body = await response.json();
  if (body?.objectType === 'KalturaAPIException') throw new Error(body.message);
  return body;
}

function element(tag, properties = {}, children = []) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function field(id, label, type, autocomplete) {
  return element('div', { className: 'field' }, [
    element('label', { htmlFor: id, textContent: label }),
    element('input', { id, type, autocomplete, required: true }),
  ]);
}

async function showGuestForm(config, token) {
  const info = await call(config, 'guestaccess_guest', 'resolve', { token });
  document.title = `Join ${info.entryName}`;
  page.replaceChildren(
    element('h1', { textContent: info.entryName }),
    element('form', { noValidate: true }, [
      field('name', 'Name', 'text', 'name'),
      field('email', 'Email', 'email', 'email'),
      element('button', { type: 'submit', textContent: 'Join' }),
    ]),
  );
}

async function showLinkTable(config, entryId, place) {
  const list = await call(config, 'guestaccess_guestlink', 'list', { filter: { entryIdEqual: entryId } });
  const rows = list.objects.map((link) => element('tr', {}, [
    element('th', { scope: 'row', textContent: link.name }),
    element('td', { textContent: link.expiresAt ? new Date(link.expiresAt * 1000).toLocaleDateString() : 'Never' }),
    element('td', { textContent: link.clicksLimit ? `${link.clicksUsed} / ${link.clicksLimit}` : 'unlimited' }),
  ]));
  place.replaceChildren(element('table', {}, [
    element('thead', {}, [element('tr', {}, ['Link name', 'Expiration date', '# of clicks']
      .map((text) => element('th', { scope: 'col', textContent: text })))]),
    element('tbody', {}, rows),
  ]));
}

async function showMediaPage(config, entryId) {
  const settings = await call(config, 'guestaccess_settings', 'get', { entryId });
  const place = element('section', { ariaLabel: 'Guest links' });
  const manage = element('button', { type: 'button', textContent: 'Manage guest access' });
  manage.addEventListener('click', () => showLinkTable(config, entryId, place).catch(showError));
  page.replaceChildren(element('h1', { textContent: settings.entryName }), manage, place);
}

function showError(error) {
  page.replaceChildren(element('p', { role: 'alert', textContent: `Error: ${error.message}` }));
}

try {
  const config = await (await fetch('/config.json')).json();
  if (mode === 'guest') await showGuestForm(config, value);
  else if (mode === 'media') await showMediaPage(config, value);
  else throw new Error('open this page with #guest=TOKEN or #media=ENTRY');
} catch (error) {
  showError(error);
}
