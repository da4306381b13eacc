/*
 * Runs in the widget's own page. When the page is in a frame, it tells the embedding page how tall it is, so the
 * frame can fit its content, and takes the host's theme (CSS custom properties) from it. A plain file, not inline,
 * so the page's Content-Security-Policy can forbid inline scripts.
 */
(function () {
  'use strict';
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
