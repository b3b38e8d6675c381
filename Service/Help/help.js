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

// The root page: one operation's part of each published contract, side by side, cut out of the documents as served.
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const XS = 'http://www.w3.org/2001/XMLSchema';
const sideBySide = document.getElementById('side-by-side');
if (sideBySide) {
  const select = sideBySide.querySelector('select');
  const fetched = new Map();
  const read = url => {
    if (!fetched.has(url)) {
      fetched.set(url, fetch(url).then(response => {
        if (!response.ok) {
          throw new Error(`${url} answered HTTP ${response.status}`);
        }
        return response.text();
      }));
    }
    return fetched.get(url);
  };
  const render = async () => {
    const option = select.selectedOptions[0];
    const operation = option.value.split('.')[1];
    const path = option.dataset.path;
    const soap = sideBySide.querySelector('.wsdl');
    const json = sideBySide.querySelector('.openapi');
    soap.querySelector('a.help').href = `${path}#op-${operation}`;
    soap.querySelector('a.document').href = `${path}?wsdl`;
    for (const [pane, part] of [[soap, () => wsdlPart(path, operation, read)], [json, () => openApiPart(sideBySide.dataset, operation, read, json)]]) {
      const pre = pane.querySelector('pre');
      pre.textContent = 'Reading the document...';
      try {
        pre.textContent = await part();
        pre.dataset.operation = operation;
      } catch (error) {
        pre.textContent = 'Could not read the document: ' + error.message;
      }
    }
  };
  select.addEventListener('change', render);
  render();
}

// The portType operation, its binding operations, its messages and the wrapper elements they name, as in ?wsdl.
async function wsdlPart(path, operation, read) {
  const parse = text => new DOMParser().parseFromString(text, 'application/xml');
  const wsdl = parse(await read(`${path}?wsdl`));
  const named = (parent, local) => [...parent.getElementsByTagNameNS(WSDL, local)];
  const byName = name => element => element.getAttribute('name') === name;
  const inPortType = named(wsdl, 'portType').flatMap(p => named(p, 'operation')).filter(byName(operation));
  const inBindings = named(wsdl, 'binding').flatMap(b => named(b, 'operation')).filter(byName(operation));
  const messageNames = inPortType.flatMap(o => [...o.children]).map(c => c.getAttribute('message')).filter(m => m).map(m => m.split(':').pop());
  const messages = named(wsdl, 'message').filter(m => messageNames.includes(m.getAttribute('name')));
  const wrappers = messages.filter(m => !m.getAttribute('name').endsWith('Fault'))
    .flatMap(m => named(m, 'part')).map(p => p.getAttribute('element').split(':').pop());
  const schemas = [];
  for (const location of [...wsdl.getElementsByTagNameNS(XS, 'import')].map(i => i.getAttribute('schemaLocation')).filter(l => l)) {
    schemas.push(parse(await read(new URL(location, new URL(path, document.baseURI)).href)));
  }
  const elements = schemas.flatMap(s => [...s.documentElement.children])
    .filter(e => e.localName === 'element' && wrappers.includes(e.getAttribute('name')));
  return [...inPortType, ...inBindings, ...messages, ...elements].map(serialize).join('\n\n');
}

// The route's operation object, under its path and method, and the request body's schema it refers to.
async function openApiPart(urls, operation, read, pane) {
  const openApi = JSON.parse(await read(urls.openapi));
  const routes = Object.entries(openApi.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([, o]) => typeof o === 'object' && o.operationId).map(([method, o]) => ({ path, method, o })));
  const route = routes.find(r => r.o.operationId === operation) || routes.find(r => (r.o.description || '').includes('runs `' + operation + '`'));
  if (!route) {
    throw new Error(`no route runs ${operation}`);
  }
  pane.querySelector('a.reference').href = `${urls.reference}#tag/${route.o.tags[0].toLowerCase()}/${route.method.toUpperCase()}${route.path}`;
  const part = { paths: { [route.path]: { [route.method]: route.o } } };
  const reference = route.o.requestBody?.content?.['application/json']?.schema?.$ref;
  if (reference) {
    const name = reference.split('/').pop();
    part.components = { schemas: { [name]: openApi.components.schemas[name] } };
  }
  return JSON.stringify(part, null, 2);
}

// An element as written in its document (whose root declares every prefix: the serializer's copies of those
// declarations are left out), its lines moved left by the element's own indentation.
function serialize(element) {
  const lines = new XMLSerializer().serializeToString(element).replace(/\s+xmlns(:\w+)?="[^"]*"/g, '').split('\n');
  const last = lines[lines.length - 1];
  const indent = lines.length > 1 ? last.length - last.trimStart().length : 0;
  return lines.map((line, i) => i === 0 ? line : line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}
