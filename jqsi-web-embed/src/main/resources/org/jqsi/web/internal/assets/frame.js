/*
 * Runs in the widget's own page. When the page is in a frame, it tells the embedding page how tall it is, so the
 * frame can fit its content, and takes the host's theme (CSS custom properties) from it. In any case, it opens the
 * folded filters on wide screens where CSS alone cannot. A plain file, not inline,
 * so the page's Content-Security-Policy can forbid inline scripts.
 */
(function () {
  'use strict';
  // Open the filters on wide screens: CSS shows them there too, but only in some browsers, and a closed
  // <details>' content stays hidden from assistive technologies.
  function openFiltersWhenWide() {
    var box = document.querySelector('details.jqsi-filterbox');
    if (box && box.getBoundingClientRect().width >= 640) {
      box.open = true;
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', openFiltersWhenWide);
  } else {
    openFiltersWhenWide();
  }
  if (window.parent === window) {
    return;
  }
  var lastHeight = -1;
  function postHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      // The height is not a secret: any origin may hear it.
      window.parent.postMessage({ type: 'jqsi:height', height: height }, '*');
    }
  }
  // Only the widget's own custom properties, with values that cannot load anything.
  var NAME = /^--jqsi-[a-z-]{1,40}$/;
  var VALUE = /^[\w\s#%.,()'"+\/-]{0,120}$/;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'jqsi:theme' || typeof data.properties !== 'object') {
      return;
    }
    var root = document.querySelector('.jqsi');
    Object.keys(data.properties).forEach(function (name) {
      var value = String(data.properties[name]);
      if (root && NAME.test(name) && VALUE.test(value) && !/url\s*\(/i.test(value)) {
        root.style.setProperty(name, value);
      }
    });
    postHeight();
  });
  function start() {
    postHeight();
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(postHeight).observe(document.body);
    } else {
      window.setInterval(postHeight, 500);
    }
    window.parent.postMessage({ type: 'jqsi:ready' }, '*');
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  window.addEventListener('load', postHeight);
}());
