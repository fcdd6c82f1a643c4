import {h, replace, pageHead, time, badge, fact, announce} from '../dom.js';
import {api, ApiError} from '../api.js';
import {bindForm, field, fail} from '../form.js';

/**
 * The portal's TLS certificate: what is served now, a certificate signing request (the key never leaves the
 * appliance), and installing the signed certificate with its chain.
 */
export default function mount(main) {
  const current = h('div');
  const pending = h('div');
  main.append(h('section', {class: 'page'},
    pageHead('TLS certificate', 'The certificate browsers and API clients see on this appliance.'),
    h('section', {class: 'card', 'aria-labelledby': 'tls-current'}, h('h2', {id: 'tls-current'}, 'Current certificate'), current),
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'tls-csr'}, h('h2', {id: 'tls-csr'}, '1. Request a certificate'),
        h('p', {class: 'muted'}, 'Creates a new key on the appliance and a signing request (CSR) for your certificate authority.'),
        csrForm(), pending),
      h('section', {class: 'card', 'aria-labelledby': 'tls-upload'}, h('h2', {id: 'tls-upload'}, '2. Install the signed certificate'),
        uploadForm()))));

  async function loadCurrent() {
    try {
      const c = await api('GET', '/tls/certificate');
      replace(current, certificateFacts(c));
    } catch (e) {
      replace(current, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  async function loadPending() {
    try {
      showCsr(await api('GET', '/tls/csr'));
    } catch (e) {
      if (e.status === 404) pending.replaceChildren();
      else replace(pending, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  function showCsr(csr) {
    const download = h('a', {class: 'btn', download: 'lightsout.csr', href: URL.createObjectURL(new Blob([csr.pem], {type: 'application/pkcs10'}))}, 'Download CSR');
    replace(pending, h('div', {class: 'csr'},
      h('h3', {}, 'Pending request', csr.createdAt ? [' · ', time(csr.createdAt)] : null),
      h('textarea', {class: 'mono pem', readonly: true, rows: 8, 'aria-label': 'Certificate signing request (PEM)', value: csr.pem}),
      h('div', {class: 'actions actions-left'}, download)));
  }

  function csrForm() {
    const form = h('form', {class: 'stack', id: 'csr-form'},
      field({label: 'Common name', name: 'commonName', required: true, hint: 'The name users type, e.g. lightsout.example.com.'}),
      field({label: 'Subject alternative names', name: 'subjectAlternativeNames', type: 'textarea', rows: 3,
        hint: 'DNS names or IP addresses, one per line or comma-separated. The common name is added if missing.'}),
      h('div', {class: 'row-fields'},
        field({label: 'Organization', name: 'organization'}),
        field({label: 'Unit', name: 'organizationalUnit'})),
      h('div', {class: 'row-fields'},
        field({label: 'Locality', name: 'locality'}),
        field({label: 'State', name: 'state'}),
        field({label: 'Country', name: 'country', attrs: {maxlength: 2, pattern: '[A-Za-z]{2}', title: 'Two-letter ISO code'}})),
      h('div', {class: 'actions actions-left'}, h('button', {type: 'submit', class: 'btn btn-primary'}, 'Create CSR')));
    bindForm(form, async v => {
      // the appliance adds the common name itself; sent as typed so that "Entry n" in its errors matches the text
      const sans = v.subjectAlternativeNames.split(/[\s,]+/).map(s => s.trim()).filter(Boolean);
      const body = {commonName: v.commonName, subjectAlternativeNames: sans};
      for (const key of ['organization', 'organizationalUnit', 'locality', 'state', 'country']) {
        if (v[key]) body[key] = key === 'country' ? v[key].toUpperCase() : v[key];
      }
      const created = await api('POST', '/tls/csr', {body});
      showCsr({pem: created.pem, createdAt: new Date().toISOString()});
      announce('Signing request created. Send it to your certificate authority.', 'success');
    });
    return form;
  }

  function uploadForm() {
    const file = h('input', {type: 'file', accept: '.pem,.crt,.cer,text/plain', id: 'tls-file'});
    const pem = field({label: 'Certificate and chain (PEM)', name: 'pem', type: 'textarea', rows: 8, required: true,
      hint: 'Paste or choose a file: the appliance certificate first, then the intermediate certificates.',
      attrs: {class: 'mono', placeholder: '-----BEGIN CERTIFICATE-----'}});
    file.addEventListener('change', async () => {
      if (file.files[0]) pem.control.value = await file.files[0].text();
    });
    const form = h('form', {class: 'stack', id: 'cert-form'},
      h('div', {class: 'field'}, h('label', {for: 'tls-file'}, 'File'), file),
      pem,
      h('div', {class: 'actions actions-left'}, h('button', {type: 'submit', class: 'btn btn-primary'}, 'Install certificate')));
    bindForm(form, async v => {
      if (!v.pem.includes('-----BEGIN CERTIFICATE-----')) fail('pem', 'This is not a PEM certificate (no BEGIN CERTIFICATE line).');
      if (v.pem.includes('PRIVATE KEY')) {
        throw new ApiError(400, {detail: 'Remove the private key: the appliance already holds the key made with the CSR, and a key must not travel.'});
      }
      const c = await api('PUT', '/tls/certificate', {body: v.pem, contentType: 'application/x-pem-file'});
      replace(current, certificateFacts(c));
      form.reset();
      pending.replaceChildren();
      announce('Certificate installed. New connections use it.', 'success');
    });
    return form;
  }

  loadCurrent();
  loadPending();
}

function certificateFacts(c) {
  const days = Math.floor((new Date(c.notAfter).getTime() - Date.now()) / 86_400_000);
  return h('dl', {class: 'facts facts-wide'},
    fact('Subject', h('span', {class: 'mono'}, c.subject)),
    fact('Issuer', h('span', {}, h('span', {class: 'mono'}, c.issuer), c.selfSigned ? [' ', badge('self-signed', 'partially_failed')] : null)),
    fact('Valid from', time(c.notBefore)),
    fact('Valid until', h('span', {}, time(c.notAfter), ' ', badge(days < 0 ? 'expired' : `${days} days left`, days < 30 ? 'failed' : 'succeeded'))),
    fact('Names', (c.subjectAlternativeNames ?? []).length ? h('span', {class: 'mono'}, c.subjectAlternativeNames.join(', ')) : null),
    fact('SHA-256', h('span', {class: 'mono fingerprint'}, c.sha256)));
}
