// Progressive enhancement only: every page works without this file.
// - search as you type on /zoeken (the form still submits normally); facet ticks and the sort apply at once
// - copy buttons on question pages (link, answer, citation)
// - the facet panel folds away on narrow screens, and opens again when the screen widens
// - the print date is the reader's own
'use strict';

(function () {
  var NARROW = '(max-width: 55.99em)';
  var DEBOUNCE_MS = 250;

  function foldFilters(root) {
    if (!window.matchMedia(NARROW).matches) return;
    root.querySelectorAll('details[data-fold-narrow]').forEach(function (d) {
      d.open = false;
    });
  }

  // A wide screen has no toggle for the panel (see site.css): it must be open there.
  function unfoldWhenWide(event) {
    if (event.matches) return;
    document.querySelectorAll('details[data-fold-narrow]').forEach(function (d) {
      d.open = true;
    });
  }

  // The query string the results depend on: non-empty fields, the query trimmed, no page (a new
  // query starts at page 1).
  function queryOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value !== 'string') return;
      var v = name === 'q' ? value.trim() : value;
      if (v !== '') params.append(name, v);
    });
    return params.toString();
  }

  function liveSearch(form, region, status) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return;
    var timer = 0;
    var controller = null;
    var shown = queryOf(form);

    function update() {
      var qs = queryOf(form);
      if (qs === shown) return;
      if (controller) controller.abort();
      var mine = new AbortController();
      controller = mine;
      region.setAttribute('aria-busy', 'true');
      fetch('/zoeken/resultaten' + (qs ? '?' + qs : ''), { signal: mine.signal, headers: { accept: 'text/html' } })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.text();
        })
        .then(function (html) {
          // A ticked box is replaced with the region: keep the keyboard focus on its successor.
          var focused = document.activeElement;
          var refocus = focused && region.contains(focused) && focused.name ? { name: focused.name, value: focused.value } : null;
          // Same-origin HTML that the server escaped, rendered from the same template as the page.
          region.innerHTML = html;
          if (refocus) {
            var again = Array.prototype.find.call(region.querySelectorAll('input'), function (el) {
              return el.name === refocus.name && el.value === refocus.value;
            });
            if (again) again.focus();
          }
          shown = qs;
          var body = region.firstElementChild;
          history.replaceState(history.state, '', '/zoeken' + (qs ? '?' + qs : ''));
          if (body && body.dataset.title) document.title = body.dataset.title;
          foldFilters(region);
          status.textContent = body ? body.dataset.summary || '' : '';
        })
        .catch(function (err) {
          if (err.name === 'AbortError') return;
          status.textContent = 'De resultaten konden niet worden bijgewerkt. Druk op Enter om te zoeken.';
        })
        .finally(function () {
          if (controller === mine) {
            controller = null;
            region.removeAttribute('aria-busy');
          }
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    // A tick in a facet or another sort: at once. The checkboxes sit in the results region (after
    // the results in keyboard order) and belong to the form through their form attribute, so
    // FormData sends them, a repeated key per ticked value.
    function changed(event) {
      var el = event.target;
      if (!el || !el.form || el.form !== form) return;
      clearTimeout(timer);
      update();
    }
    form.addEventListener('change', changed);
    region.addEventListener('change', changed);
  }

  // The text of a form field, or of an element as it reads (line breaks kept).
  function textOf(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el) return '';
    return 'value' in el ? el.value : el.innerText.trim();
  }

  function copyButton(button) {
    var literal = button.getAttribute('data-copy-text');
    var field = document.getElementById(button.getAttribute('data-copy')) || document.getElementById('citaat');
    if (!field) return;
    var label = button.textContent;
    button.addEventListener('click', function () {
      var text = literal !== null ? literal : textOf(button.getAttribute('data-copy'));
      var append = textOf(button.getAttribute('data-copy-append'));
      if (append) text += '\n\n' + append;
      var done = function () {
        button.textContent = 'Gekopieerd';
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      // The Clipboard API needs a secure context; plain HTTP on a LAN falls back to a selection.
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { if (field.select) field.select(); });
      } else if (field.select) {
        // Without the Clipboard API only a selection can be copied: the citation field's.
        field.select();
        if (document.execCommand('copy')) done();
      }
    });
  }

  var form = document.querySelector('form[data-live-search]');
  var region = document.getElementById('resultaten');
  var status = document.getElementById('live-status');
  if (form && region && status) liveSearch(form, region, status);
  document.querySelectorAll('button[data-copy], button[data-copy-text]').forEach(copyButton);
  document.querySelectorAll('[data-copy-actions]').forEach(function (el) {
    el.hidden = false;
  });
  foldFilters(document);
  var narrow = window.matchMedia(NARROW);
  if (narrow.addEventListener) narrow.addEventListener('change', unfoldWhenWide);

  // The date the page is printed on is the reader's, not the server's.
  var months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  window.addEventListener('beforeprint', function () {
    var now = new Date();
    document.querySelectorAll('[data-print-date]').forEach(function (el) {
      el.textContent = now.getDate() + ' ' + months[now.getMonth()] + ' ' + now.getFullYear();
    });
  });
})();
