// Progressive enhancement only: every page works without this file.
// - search as you type on /zoeken (the form still submits normally)
// - a copy button for the citation on question pages
// - the facet panel folds away on narrow screens
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
          // Same-origin HTML that the server escaped, rendered from the same template as the page.
          region.innerHTML = html;
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
  }

  function copyButton(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () {
        button.textContent = 'Gekopieerd';
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      // The Clipboard API needs a secure context; plain HTTP on a LAN falls back to a selection.
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
      } else {
        field.select();
        if (document.execCommand('copy')) done();
      }
    });
  }

  var form = document.querySelector('form[data-live-search]');
  var region = document.getElementById('resultaten');
  var status = document.getElementById('live-status');
  if (form && region && status) liveSearch(form, region, status);
  document.querySelectorAll('button[data-copy]').forEach(copyButton);
  foldFilters(document);
})();
