/*
 * JQSI widget loader. Paste where the program should appear:
 *
 *   <script src="https://jqsi.example.org/widget/embed.js" data-region="04" data-lang="fr" async></script>
 *
 * Filters: data-edition, data-region, data-kind, data-theme, data-partner, data-from, data-to, data-mode, data-free,
 * data-language, data-q, data-layout (full or compact); data-lang is the widget's language (fr or en).
 * data-embed="inline" puts the widget in the page itself (in a shadow root, so neither page's CSS touches the
 * other's) instead of an iframe; data-target="some-id" puts it in that element instead of before the script.
 * The host themes it with CSS custom properties (--jqsi-color-accent...) on that element or an ancestor.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = script.src.replace(/embed(\.[0-9a-f]+)?\.js(\?.*)?$/, '');
  var origin = new URL(base).origin;
  var data = script.dataset;
  var FILTERS = ['edition', 'region', 'kind', 'theme', 'partner', 'from', 'to', 'mode', 'free', 'language', 'q',
    'layout', 'lang'];
  var THEME = ['--jqsi-color-text', '--jqsi-color-background', '--jqsi-color-accent', '--jqsi-color-muted',
    '--jqsi-color-border', '--jqsi-color-cancelled', '--jqsi-color-focus', '--jqsi-font-family', '--jqsi-font-size',
    '--jqsi-spacing', '--jqsi-radius'];
  var params = new URLSearchParams();
  FILTERS.forEach(function (name) {
    var value = data[name];
    if (value) {
      // Several regions or kinds: data-region="04 06".
      value.split(/[\s,]+/).forEach(function (one) {
        if (one) {
          params.append(name, one);
        }
      });
    }
  });
  var english = params.get('lang') === 'en';

  var container = data.target ? document.getElementById(data.target) : null;
  if (!container) {
    container = document.createElement('div');
    script.parentNode.insertBefore(container, script);
  }
  container.classList.add('jqsi-embed');

  function widgetUrl(extra) {
    var query = new URLSearchParams(params);
    Object.keys(extra || {}).forEach(function (name) {
      query.set(name, extra[name]);
    });
    var text = query.toString();
    return base + (text ? '?' + text : '');
  }

  function fallbackLink() {
    var link = document.createElement('a');
    link.href = widgetUrl();
    link.textContent = english ? 'See the JQSI program' : 'Voir le programme des JQSI';
    return link;
  }

  function inFrame() {
    var frame = document.createElement('iframe');
    frame.src = widgetUrl();
    frame.title = data.title || (english ? 'JQSI program' : 'Programme des JQSI');
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (parseInt(data.height, 10) || 600) + 'px';
    function sendTheme() {
      var style = window.getComputedStyle(container);
      var properties = {};
      THEME.forEach(function (name) {
        var value = style.getPropertyValue(name).trim();
        if (value) {
          properties[name] = value;
        }
      });
      frame.contentWindow.postMessage({ type: 'jqsi:theme', properties: properties }, origin);
    }
    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== origin || !event.data) {
        return;
      }
      if (event.data.type === 'jqsi:height' && typeof event.data.height === 'number') {
        frame.style.height = Math.max(80, Math.min(Math.ceil(event.data.height), 100000)) + 'px';
      } else if (event.data.type === 'jqsi:ready') {
        sendTheme();
      }
    });
    container.appendChild(frame);
  }

  function inline() {
    var root = container.attachShadow ? container.attachShadow({ mode: 'open' }) : container;
    function load(url) {
      var target = new URL(url, base);
      target.searchParams.set('fragment', '1');
      fetch(target.href, { credentials: 'omit' }).then(function (response) {
        if (!response.ok && response.status !== 400) {
          throw new Error('JQSI widget: HTTP ' + response.status);
        }
        return response.text();
      }).then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        root.replaceChildren(holder);
      }).catch(function () {
        root.replaceChildren(fallbackLink());
      });
    }
    root.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[data-jqsi-nav]');
      if (link) {
        event.preventDefault();
        load(link.href);
      }
    });
    root.addEventListener('submit', function (event) {
      var form = event.target;
      event.preventDefault();
      var url = new URL(form.action);
      new FormData(form).forEach(function (value, name) {
        if (value !== '') {
          url.searchParams.append(name, value);
        }
      });
      load(url.href);
    });
    load(widgetUrl());
  }

  if (data.embed === 'inline' && window.fetch) {
    inline();
  } else {
    inFrame();
  }
}());
