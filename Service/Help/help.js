// The try-it panels: send the envelope in the textarea to the real endpoint and show the raw answer.
'use strict';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

for (const panel of document.querySelectorAll('.try')) {
  const form = panel.querySelector('form');
  form.addEventListener('change', event => {
    if (event.target.name === 'version') {
      // Keep the user's edits: only the envelope namespace differs between the versions.
      const [from, to] = event.target.value === '1.2' ? [SOAP11, SOAP12] : [SOAP12, SOAP11];
      form.elements.envelope.value = form.elements.envelope.value.split(from).join(to);
    }
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    send(form, panel.querySelector('.result'));
  });
  panel.hidden = false;
}

async function send(form, result) {
  const action = form.dataset.action;
  const version = form.elements.version.value;
  const button = form.querySelector('button');
  let body = form.elements.envelope.value;
  clear(result);
  try {
    if (form.elements.username.value) {
      body = withUsernameToken(body, form.elements.username.value, form.elements.password.value);
    }
  } catch (error) {
    show(result, 'Not sent: ' + error.message, '', '', '', true);
    return;
  }

  const headers = version === '1.2'
    ? { 'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"` }
    : { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': `"${action}"` };
  button.disabled = true;
  try {
    const response = await fetch(form.dataset.path, { method: 'POST', headers, body });
    const text = await response.text();
    const headerLines = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    const fault = faultOf(text);
    show(result, `HTTP ${response.status} ${response.statusText}`, fault, pretty(body), headerLines + '\n', fault !== '', pretty(text));
  } catch (error) {
    show(result, 'No response: ' + error.message, '', pretty(body), '', true, '');
  } finally {
    button.disabled = false;
  }
}

function clear(result) {
  result.hidden = true;
  result.classList.remove('fault');
}

// Everything goes in with textContent, so a response can never become markup.
function show(result, status, fault, sent, headers, isFault, responseBody = '') {
  result.querySelector('.status').textContent = status;
  result.querySelector('.fault-summary').textContent = fault;
  result.querySelector('.sent-body').textContent = sent;
  result.querySelector('.response-headers').textContent = headers;
  result.querySelector('.response-body').textContent = responseBody;
  result.classList.toggle('fault', isFault);
  result.hidden = false;
}

function parse(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return doc.getElementsByTagName('parsererror').length ? null : doc;
}

function withUsernameToken(text, username, password) {
  const doc = parse(text);
  if (!doc) {
    throw new Error('the envelope is not well-formed XML, so the wsse:Security header cannot be added.');
  }

  const envelope = doc.documentElement;
  const ns = envelope.namespaceURI;
  const prefix = envelope.prefix ? envelope.prefix + ':' : '';
  let header = [...envelope.children].find(e => e.localName === 'Header' && e.namespaceURI === ns);
  if (!header) {
    header = doc.createElementNS(ns, prefix + 'Header');
    envelope.insertBefore(header, envelope.firstElementChild);
  }

  for (const old of [...header.children].filter(e => e.localName === 'Security' && e.namespaceURI === WSSE)) {
    old.remove();
  }

  const element = (parent, name) => parent.appendChild(doc.createElementNS(WSSE, 'wsse:' + name));
  const token = element(element(header, 'Security'), 'UsernameToken');
  element(token, 'Username').textContent = username;
  const passwordElement = element(token, 'Password');
  passwordElement.setAttribute('Type', PASSWORD_TEXT);
  passwordElement.textContent = password;
  return new XMLSerializer().serializeToString(doc);
}

// "Code: reason" of a SOAP 1.1 or 1.2 fault, or '' when the text is not a fault.
function faultOf(text) {
  const doc = parse(text);
  const fault = doc && (doc.getElementsByTagNameNS(SOAP11, 'Fault')[0] || doc.getElementsByTagNameNS(SOAP12, 'Fault')[0]);
  if (!fault) {
    return '';
  }

  const detailCode = [...fault.getElementsByTagName('*')].find(e => e.localName === 'Code' && e.parentElement.localName === 'ServiceFault');
  const reason = [...fault.getElementsByTagName('*')].find(e => e.localName === 'faultstring' || e.localName === 'Text');
  return `Fault ${detailCode ? detailCode.textContent : ''}: ${reason ? reason.textContent : ''}`;
}

// Indents well-formed XML one element a line; anything else is shown as it came.
function pretty(text) {
  if (!parse(text)) {
    return text;
  }

  let depth = 0;
  const lines = [];
  for (const token of text.trim().replace(/>\s*</g, '>\n<').split('\n')) {
    if (token.startsWith('</')) {
      depth--;
    }

    lines.push('  '.repeat(Math.max(depth, 0)) + token);
    if (/^<[^!?/]/.test(token) && !token.endsWith('/>') && !/<\/[^>]+>$/.test(token)) {
      depth++;
    }
  }

  return lines.join('\n');
}
