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
 * It works as a classic script (async or defer) or as <script type="module">; several widgets may share a page.
 */
(function () {
  'use strict';
  var SCRIPT = /\/embed(\.[0-9a-f]+)?\.js(\?.*)?$/;
  // How long a frame may stay silent after it loaded before the widget takes it for refused (frame-ancestors) or
  // broken (a proxy's or the browser's error page): the widget's page speaks as its DOM is ready, before its load
  // event, so a second is ample; an error page never speaks. Well within the 5 seconds the link must show in.
  var FRAME_SILENCE_MS = 1000;
  // The least height reserved for the widget before it is measured.
  var MIN_RESERVED = 600;

  // A classic script knows itself; a module (type="module") does not, and runs once for every tag with its
  // address: it then starts each of them that has not started yet.
  var scripts = [];
  if (document.currentScript && document.currentScript.src) {
    scripts.push(document.currentScript);
  } else {
    Array.prototype.forEach.call(document.querySelectorAll('script[src]'), function (candidate) {
      if (SCRIPT.test(new URL(candidate.src).pathname)) {
        scripts.push(candidate);
      }
    });
    if (!scripts.length && window.console) {
      window.console.warn('JQSI widget: embed.js could not find its own <script> tag; paste it with a src ' +
        'ending in /embed.js');
    }
  }
  scripts.forEach(function (script) {
    if (script.hasAttribute('data-jqsi-started')) {
      return;
    }
    script.setAttribute('data-jqsi-started', '');
    start(script);
  });

  function start(script) {
    var base = script.src.replace(/embed(\.[0-9a-f]+)?\.js(\?.*)?$/, '');
    var origin = new URL(base).origin;
    var data = script.dataset;
    var FILTERS = ['edition', 'region', 'kind', 'theme', 'partner', 'from', 'to', 'mode', 'free', 'language', 'q',
      'accessibility', 'layout', 'lang'];
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
      // Full width even as the item of a host's flex or grid container.
      container.style.width = '100%';
      container.style.flex = '1 1 100%';
      container.style.minWidth = '0';
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

    // The height to keep for the widget until its content is measured: down to the bottom of the window at least,
    // when it starts in view, so that what it pushes down is out of view already and does not visibly jump
    // (a layout shift); else 600 px.
    function reservedHeight() {
      var top = container.getBoundingClientRect().top;
      var toBottom = top >= 0 && top < window.innerHeight ? Math.ceil(window.innerHeight - top) : 0;
      return Math.max(MIN_RESERVED, toBottom);
    }

    function fallbackLink() {
      var link = document.createElement('a');
      link.href = widgetUrl();
      link.textContent = english ? 'See the JQSI program' : 'Voir le programme des JQSI';
      return link;
    }

    function inFrame() {
      var frame = document.createElement('iframe');
      var heightKey = 'jqsi:height:' + widgetUrl();
      var remembered = null;
      try {
        remembered = parseInt(window.sessionStorage.getItem(heightKey), 10);
      } catch (e) {
        // Storage refused (a privacy setting): reserve the default height.
      }
      var answered = false;
      var warned = false;
      frame.src = widgetUrl();
      frame.title = data.title || (english ? 'JQSI program' : 'Programme des JQSI');
      frame.style.width = '100%';
      frame.style.border = '0';
      frame.style.display = 'block';
      // Reserve the height it had last time on this page (or the one asked, or down to the window's bottom) before
      // it loads, so that the host's content below moves as little as possible.
      setHeight(parseInt(data.height, 10) || remembered || reservedHeight());

      function setHeight(height) {
        // important: a host's iframe { height: ... !important } must not cut the widget.
        frame.style.setProperty('height', height + 'px', 'important');
        var shown = frame.getBoundingClientRect().height;
        if (!warned && frame.isConnected && Math.abs(shown - height) > 2 && window.console) {
          warned = true;
          window.console.warn('JQSI widget: this page\'s CSS keeps the widget\'s frame at ' + Math.round(shown) +
            ' px instead of ' + height + ' px (max-height, or a fixed height on a parent?); let the frame ' +
            'choose its height, e.g. .jqsi-embed iframe { max-height: none }');
        }
      }
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
      function refused() {
        if (answered || !frame.parentNode) {
          return;
        }
        // The widget's server does not let this site frame it (its frame-ancestors setting): a link instead.
        var note = document.createElement('p');
        note.className = 'jqsi-fallback';
        note.appendChild(fallbackLink());
        frame.parentNode.replaceChild(note, frame);
        if (window.console) {
          window.console.warn('JQSI widget: ' + origin + ' does not allow this site to show the program in a ' +
            'frame (its frame-ancestors setting); showing a link instead. Ask its operator to add this site, or ' +
            'use data-embed="inline".');
        }
      }
      window.addEventListener('message', function (event) {
        if (event.source !== frame.contentWindow || event.origin !== origin || !event.data) {
          return;
        }
        answered = true;
        if (event.data.type === 'jqsi:height' && typeof event.data.height === 'number') {
          var height = Math.max(80, Math.min(Math.ceil(event.data.height), 100000));
          setHeight(height);
          try {
            window.sessionStorage.setItem(heightKey, String(height));
          } catch (e) {
            // Not remembered: the next visit reserves the default height.
          }
        } else if (event.data.type === 'jqsi:ready') {
          sendTheme();
        }
      });
      // A refused frame, like one that gets a proxy's or the browser's error page, loads a page that never
      // speaks: a moment after it loads, the link replaces it.
      frame.addEventListener('load', function () {
        window.setTimeout(refused, FRAME_SILENCE_MS);
      });
      container.appendChild(frame);
    }

    function inline() {
      var root = container.attachShadow ? container.attachShadow({ mode: 'open' }) : container;
      // One live region for the widget's life, outside what each navigation replaces: screen readers announce
      // a change of its text, not a region that was just put in the page.
      var live = document.createElement('div');
      live.setAttribute('role', 'status');
      live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);' +
        'white-space:nowrap';
      var content = document.createElement('div');
      root.replaceChildren(content, live);
      // Keep room for the widget until it first shows, as the frame does; then the host's own setting again.
      var hostMinHeight = container.style.minHeight;
      container.style.minHeight = reservedHeight() + 'px';
      function load(url, navigated) {
        var target = new URL(url, base);
        target.searchParams.set('fragment', '1');
        fetch(target.href, { credentials: 'omit' }).then(function (response) {
          if (!response.ok && response.status !== 400) {
            throw new Error('JQSI widget: HTTP ' + response.status);
          }
          return response.text();
        }).then(function (html) {
          content.innerHTML = html;
          whenStyled(content, function () {
            shown(navigated);
          });
        }).catch(function () {
          container.style.minHeight = hostMinHeight;
          content.style.visibility = '';
          content.replaceChildren(fallbackLink());
        });
      }
      function shown(navigated) {
        container.style.minHeight = hostMinHeight;
        openFiltersWhenWide(content);
        if (navigated) {
          // Focus follows the visitor's action to its result, and the region says what it found.
          var result = content.querySelector('.jqsi-count') || content.querySelector('h1');
          if (result) {
            if (!result.hasAttribute('tabindex')) {
              result.setAttribute('tabindex', '-1');
            }
            result.focus();
          }
          var heading = content.querySelector('h1');
          live.textContent = [heading && heading.textContent, content.querySelector('.jqsi-count') &&
            content.querySelector('.jqsi-count').textContent].filter(Boolean).join(' — ');
        }
      }
      root.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[data-jqsi-nav]');
        if (link) {
          event.preventDefault();
          load(link.href, true);
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
        load(url.href, true);
      });
      load(widgetUrl(), false);
    }

    if (data.embed === 'inline' && window.fetch) {
      inline();
    } else {
      inFrame();
    }
  }

  // Calls then once the stylesheets in scope have loaded, keeping scope hidden till then: shown unstyled first (the
  // stylesheet comes after the HTML on a first visit), the widget would jump as its styles arrive, moving whatever
  // of the host's page is in view (a layout shift).
  function whenStyled(scope, then) {
    var waiting = Array.prototype.filter.call(scope.querySelectorAll('link[rel~="stylesheet"]'), function (link) {
      return !link.sheet;
    });
    var left = waiting.length;
    if (!left) {
      then();
      return;
    }
    scope.style.visibility = 'hidden';
    waiting.forEach(function (link) {
      function loaded() {
        left -= 1;
        if (left === 0) {
          scope.style.visibility = '';
          then();
        }
      }
      link.addEventListener('load', loaded);
      link.addEventListener('error', loaded);
    });
  }

  // Open the filters on wide screens: CSS shows them there too, but only in some browsers, and a closed
  // <details>' content stays hidden from assistive technologies.
  function openFiltersWhenWide(scope) {
    var box = scope.querySelector('details.jqsi-filterbox');
    if (box && box.getBoundingClientRect().width >= 640) {
      box.open = true;
    }
  }
}());
