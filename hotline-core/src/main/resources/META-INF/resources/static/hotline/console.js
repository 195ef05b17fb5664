// The advisor console's advice log form: autosave status, retries while the server cannot be reached, and a local
// copy of what is typed (localStorage, AES-GCM with a key the signed-in page gives) that survives a reload until
// the server has confirmed it. Works on forms swapped in by htmx (the screen-pop) as well as on page load.
(function () {
  'use strict';
  var RETRY_MS = 2000;
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  function bytes(b64) { return Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }); }
  function base64(buf) { return btoa(String.fromCharCode.apply(null, new Uint8Array(buf))); }
  function version(form) { var v = form.querySelector('#version'); return v ? v.value : ''; }
  function storeName(form) { return 'hotline-kladde-' + form.dataset.contact; }
  function key(form) {
    return crypto.subtle.importKey('raw', bytes(form.dataset.localKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
  function fields(form) {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== 'version' && name !== 'contentless') { out.push([name, value]); }
    });
    return JSON.stringify(out);
  }
  function status(form, cls, text) {
    var s = form.querySelector('#save-status');
    if (!s || form.dataset.stale) { return; }  // the "changed elsewhere" message stays until the page is reloaded
    s.className = cls;
    s.setAttribute('role', 'status');
    s.textContent = text;
  }

  function keep(form) {
    if (!window.crypto || !crypto.subtle || !form.dataset.localKey) { return Promise.resolve(); }
    var text = fields(form);
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return key(form).then(function (k) {
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, k, enc.encode(text));
    }).then(function (data) {
      // With the version it was typed on: it is put back only onto that version, never over someone else's save.
      localStorage.setItem(storeName(form), JSON.stringify({ iv: base64(iv), data: base64(data), v: version(form) }));
    });
  }

  function forget(form, sent) {
    if (fields(form) === sent) { localStorage.removeItem(storeName(form)); }
  }

  function apply(form, pairs) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'version' || el.type === 'submit') { return; }
      var values = pairs.filter(function (p) { return p[0] === el.name; }).map(function (p) { return p[1]; });
      if (el.type === 'checkbox' || el.type === 'radio') { el.checked = values.indexOf(el.value) >= 0; }
      else if (el.type !== 'hidden') { el.value = values.length ? values[0] : ''; }
    });
  }

  function restore(form) {
    var stored = localStorage.getItem(storeName(form));
    if (!stored || !window.crypto || !crypto.subtle) { return; }
    var copy = JSON.parse(stored);
    if (copy.v !== version(form)) { return; }
    key(form).then(function (k) {
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(copy.iv) }, k, bytes(copy.data));
    }).then(function (plain) {
      var text = dec.decode(plain);
      if (text === fields(form)) { localStorage.removeItem(storeName(form)); return; }
      apply(form, JSON.parse(text));
      var notice = document.getElementById('restored-notice');
      if (notice) { notice.hidden = false; }
      htmx.trigger(form, 'change');
    }).catch(function () { /* another person's or an old key's copy: unreadable, left alone */ });
  }

  function setUp(root) {
    var form = root.querySelector ? root.querySelector('#log-form') : null;
    if (!form && root.id === 'log-form') { form = root; }
    var section = root.querySelector ? root.querySelector('#draft') : null;
    if (section && !section.querySelector('#log-form')) {
      localStorage.removeItem('hotline-kladde-' + section.dataset.contact);
    }
    if (!form || form.dataset.ready) { return; }
    form.dataset.ready = 'true';
    form.addEventListener('input', function () { keep(form); status(form, 'unsaved', form.dataset.textUnsaved); });
    form.addEventListener('change', function () { keep(form); status(form, 'unsaved', form.dataset.textUnsaved); });
    // A button pressed while an autosave is on its way waits for it, so that it carries the version that save made.
    var waiting = null;
    form.addEventListener('submit', function (e) {
      keep(form);
      if (form.dataset.inflight === 'true') { e.preventDefault(); waiting = e.submitter || form; }
    });
    form.addEventListener('htmx:configRequest', function (e) {
      if (e.target !== form) { return; }
      form.dataset.sent = fields(form);
      form.dataset.inflight = 'true';
      status(form, 'unsaved', form.dataset.textSaving);
    });
    form.addEventListener('htmx:afterRequest', function (e) {
      if (e.target !== form) { return; }
      form.dataset.inflight = 'false';
      if (waiting !== null) { var b = waiting; waiting = null; if (b === form) { form.requestSubmit(); } else { form.requestSubmit(b); } return; }
      var xhr = e.detail.xhr;
      if (xhr && xhr.status === 200) { forget(form, form.dataset.sent); return; }
      if (xhr && xhr.status === 409) { form.dataset.stale = 'true'; return; }
      if (xhr && (xhr.status === 422 || xhr.status === 499)) { return; }
      status(form, 'unsaved', form.dataset.textFailed);
      setTimeout(function () { htmx.trigger(form, 'change'); }, RETRY_MS);
    });
    restore(form);
    var heading = document.getElementById('draft-heading');
    if (heading && root !== document) { heading.focus(); }
  }

  // A call this advisor handed on reached a colleague: the draft on screen, if it is that one, is reloaded (read-only).
  function handedOn(root) {
    var marks = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll('[data-handed-on]')) : [];
    if (root.dataset && root.dataset.handedOn) { marks.push(root); }
    marks.forEach(function (mark) {
      var id = mark.dataset.handedOn;
      var draft = document.getElementById('draft');
      if (draft && draft.dataset.contact === id) {
        htmx.ajax('GET', '/konsol/henvendelser/' + id, { target: '#draft', swap: 'outerHTML' });
      }
    });
  }
  // The transfer box shows why the telephony did not take it (503) beside the form, like its other answers.
  document.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.elt && e.detail.elt.id === 'transfer-form' && e.detail.xhr.status === 503) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // The live feed is open: calls connected to this advisor's phone pop up from now on.
  document.addEventListener('htmx:sseOpen', function () { document.body.dataset.live = 'true'; });
  document.addEventListener('htmx:sseError', function () { document.body.dataset.live = 'false'; });
  document.addEventListener('DOMContentLoaded', function () { setUp(document); });
  document.addEventListener('htmx:load', function (e) { setUp(e.detail.elt); handedOn(e.detail.elt); });
})();
