// The order timeline page: plain DOM, same-origin fetches with the bearer token kept in
// sessionStorage (gone when the tab closes). Polls every two seconds while signed in.

const REFRESH_MS = 2000;
const SESSION_KEY = 'lotus.session';
const FINAL_STATES = new Set(['NotifyingSourceSystem', 'Cancelled']);

const $ = (selector) => document.querySelector(selector);

let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
let orders = [];
let selectedOrderId = null;
let shown = { orders: '', timeline: '', stuck: '' };
let refreshTimer = null;
let generation = 0;

class ApiError extends Error {}

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : null;
  if (response.status === 401 && session) {
    signOut('Your session has ended; please sign in again.');
  }
  if (!response.ok) {
    throw new ApiError((answer && answer.detail) || `${method} ${path} answered ${response.status}`);
  }
  return answer;
}

function say(text, kind = 'ok') {
  const message = $('#message');
  message.textContent = text;
  message.className = kind;
}

function fail(error) {
  say(error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`, 'error');
}

// ------------------------------------------------------------------ session

function rolesOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)).roles || [];
}

async function signIn(email, password) {
  session = null;
  const login = await api('POST', '/profile/login', { email, password });
  session = {
    token: login.accessToken,
    email,
    userId: login.userId,
    staff: rolesOf(login.accessToken).includes('STAFF'),
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  selectedOrderId = null;
  say(`Signed in as ${email}.`);
  render();
  await refresh();
}

function signOut(text) {
  session = null;
  sessionStorage.removeItem(SESSION_KEY);
  selectedOrderId = null;
  orders = [];
  shown = { orders: '', timeline: '', stuck: '' };
  clearTimeout(refreshTimer);
  render();
  if (text) say(text, 'error');
}

function render() {
  const signedIn = session !== null;
  $('#sign-in').hidden = signedIn;
  $('#who').hidden = !signedIn;
  $('#orders').hidden = !signedIn;
  $('#buyer-tools').hidden = !signedIn || session.staff;
  $('#staff-tools').hidden = !signedIn || !session.staff;
  $('#stuck').hidden = !signedIn || !session.staff;
  $('#timeline').hidden = !signedIn || selectedOrderId === null;
  if (!signedIn) return;
  $('#who-email').textContent = session.email;
  $('#who-role').textContent = session.staff ? 'STAFF' : 'USER';
  $('#orders-title').textContent = session.staff ? 'All orders' : 'My orders';
}

// ------------------------------------------------------------------ orders and timeline

// One refresh loop: a newer refresh (after a click) makes older ones drop their answers.
async function refresh() {
  clearTimeout(refreshTimer);
  if (!session) return;
  const mine = ++generation;
  const current = () => session && mine === generation;
  try {
    const list = await api('GET', '/order');
    const timeline = selectedOrderId
      ? await api('GET', `/order/${encodeURIComponent(selectedOrderId)}/timeline`)
      : null;
    const balance = session && !session.staff ? await api('GET', '/billing/balance') : null;
    const stuck = session && session.staff ? await api('GET', '/admin/stuck') : null;
    if (!current()) return;
    orders = list;
    showOrders();
    if (stuck) showStuck(stuck);
    if (timeline) showTimeline(timeline);
    if (balance) $('#balance').textContent = balance.balance;
  } catch (error) {
    if (current()) fail(error);
  }
  if (current()) refreshTimer = setTimeout(refresh, REFRESH_MS);
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

function showOrders() {
  const snapshot = JSON.stringify([orders, selectedOrderId]);
  if (snapshot === shown.orders) return;
  shown.orders = snapshot;
  const body = $('#order-list tbody');
  body.replaceChildren();
  for (const order of orders) {
    const row = body.insertRow();
    row.dataset.orderId = order.orderId;
    row.classList.toggle('selected', order.orderId === selectedOrderId);
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'order-link';
    link.textContent = order.orderId;
    link.addEventListener('click', () => select(order.orderId));
    row.insertCell().append(link);
    cell(row, String(order.productId));
    cell(row, Number(order.price).toFixed(2));
    cell(row, order.status, 'status');
    cell(row, order.waitingFor || '—', 'waiting-for');
    cell(row, new Date(order.createdAt).toISOString().replace('T', ' ').slice(0, 19));
  }
  $('#no-orders').hidden = orders.length > 0;
  showStatus();
}

function showStatus() {
  const order = orders.find((o) => o.orderId === selectedOrderId);
  if (!order) return;
  $('#timeline-status').textContent =
    order.status + (order.waitingFor ? `, waiting for ${order.waitingFor}` : '');
  $('#staff-actions').hidden = !session.staff || FINAL_STATES.has(order.status);
  $('#add-stock-for-order').textContent = `Add stock: 1 unit of product ${order.productId}`;
}

async function select(orderId) {
  selectedOrderId = orderId;
  shown = { orders: '', timeline: '', stuck: '' };
  $('#timeline-entries tbody').replaceChildren();
  render();
  await refresh();
}

function showTimeline(timeline) {
  const snapshot = JSON.stringify(timeline);
  if (snapshot === shown.timeline) return;
  shown.timeline = snapshot;
  $('#timeline-order').textContent = timeline.orderId;
  $('#timeline-source').textContent = timeline.source;
  $('#timeline-workflow').textContent = timeline.workflowId;
  $('#timeline-run').textContent = timeline.runId || '';
  $('#timeline-run-fact').hidden = !timeline.runId;
  $('#temporal-command').textContent = timeline.temporalCommand;
  const body = $('#timeline-entries tbody');
  body.replaceChildren();
  for (const entry of timeline.entries) {
    const row = body.insertRow();
    row.className = `kind-${entry.kind}`;
    cell(row, new Date(entry.at).toISOString().replace('T', ' ').replace('Z', ''), 'at');
    cell(row, entry.kind, 'kind');
    cell(row, entry.title, 'what');
    cell(row, entry.detail, 'detail');
  }
  showStatus();
}

// Staff's recovery queue: retry now, or resolve a stuck compensation by hand with a reason.
function showStuck(stuck) {
  const snapshot = JSON.stringify(stuck);
  if (snapshot === shown.stuck) return;
  shown.stuck = snapshot;
  const body = $('#stuck-list tbody');
  body.replaceChildren();
  $('#no-stuck').hidden = stuck.length > 0;
  for (const order of stuck) {
    const row = body.insertRow();
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'order-link';
    link.textContent = order.orderId;
    link.addEventListener('click', () => select(order.orderId).catch(fail));
    row.insertCell().append(link);
    cell(row, order.stuck.step + (order.stuck.waitsForStaff ? ' (waits for staff)' : ''));
    cell(row, order.stuck.attempts);
    cell(row, order.stuck.lastError, 'detail');
    cell(row, order.stuck.since, 'at');
    const actions = row.insertCell();
    actions.append(stuckAction('Retry now', () => retryStuck(order.orderId)));
    if (order.stuck.waitsForStaff || ['refund', 'release_stock', 'release_courier'].includes(order.stuck.step)) {
      actions.append(' ', stuckAction('Resolve by hand…', () => resolveStuck(order.orderId, order.stuck.step)));
    }
  }
}

function stuckAction(text, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.addEventListener('click', () => action().catch(fail));
  return button;
}

async function retryStuck(orderId) {
  await api('POST', `/admin/stuck/${encodeURIComponent(orderId)}/retry`);
  say(`Order ${orderId}: its stuck step is tried again now.`);
  await refresh();
}

async function resolveStuck(orderId, step) {
  const reason = window.prompt(`Why is the ${step} of order ${orderId} resolved by hand?`);
  if (reason === null) return;
  const resolved = await api('POST', `/admin/stuck/${encodeURIComponent(orderId)}/resolve`, { reason });
  say(`Order ${orderId}: ${resolved.step} resolved by hand by ${resolved.resolvedBy}.`);
  await refresh();
}

// ------------------------------------------------------------------ actions

function on(selector, event, action) {
  $(selector).addEventListener(event, async (e) => {
    e.preventDefault();
    try {
      await action(e);
    } catch (error) {
      fail(error);
    }
  });
}

function field(form, name) {
  return new FormData(form).get(name);
}

on('#sign-in-form', 'submit', (e) =>
  signIn(field(e.target, 'email'), field(e.target, 'password')));

on('#register', 'click', async () => {
  const form = $('#sign-in-form');
  if (!form.reportValidity()) return;
  const email = field(form, 'email');
  const password = field(form, 'password');
  await api('POST', '/profile/register', { email, password });
  await signIn(email, password);
});

on('#sign-out', 'click', async () => {
  signOut();
  say('Signed out.');
});

on('#add-money-form', 'submit', async (e) => {
  const money = encodeURIComponent(field(e.target, 'money'));
  const answer = await api('POST', `/billing/add-money?money=${money}`);
  $('#balance').textContent = answer.balance;
  say(`Balance is now ${answer.balance}.`);
});

on('#place-form', 'submit', async (e) => {
  const product = encodeURIComponent(field(e.target, 'product'));
  const placed = await api('POST', `/order/place?idSubscription=${product}`);
  say(`Order ${placed.orderId} placed.`);
  await select(placed.orderId);
});

async function addStock(product, count) {
  const stock = await api('PUT', `/stock/add?idSubscription=${product}&count=${count}`);
  say(`Product ${stock.productId} now has ${stock.available} in stock.`);
  await refresh();
}

on('#add-stock-form', 'submit', (e) =>
  addStock(
    encodeURIComponent(field(e.target, 'product')),
    encodeURIComponent(field(e.target, 'count'))));

on('#add-stock-for-order', 'click', () => {
  const order = orders.find((o) => o.orderId === selectedOrderId);
  return addStock(order.productId, 1);
});

on('#accept-delivery', 'click', async () => {
  const accepted = await api('PUT', `/delivery/accept?idOrder=${encodeURIComponent(selectedOrderId)}`);
  say(`Delivery of order ${accepted.orderId} accepted.`);
  await refresh();
});

render();
refresh();
