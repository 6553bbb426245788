/*! Hip pain check embed script, protocol v1 (docs/embedding.md). No dependencies. */
// @ts-check
(function () {
  'use strict';
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  var appUrl = new URL('./', script.src);
  var appOrigin = appUrl.origin;
  var PREFIX = 'hip-triage:';

  /** @param {HTMLElement} host */
  function mount(host) {
    if (host.querySelector('iframe[data-hip-triage-frame]')) return;
    /** @param {string} name */
    var option = function (name) {
      return host.getAttribute('data-' + name) || (script && script.getAttribute('data-' + name)) || '';
    };
    var src = new URL(appUrl.href);
    src.searchParams.set('embed', '1');
    if (option('locale')) src.searchParams.set('lang', option('locale'));
    if (option('mode')) src.searchParams.set('mode', option('mode'));
    if (option('config')) src.searchParams.set('config', new URL(option('config'), location.href).href);

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = option('title') || 'Hip pain check';
    frame.setAttribute('data-hip-triage-frame', '');
    // Only what the wizard uses: copying a call summary.
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.setAttribute('loading', 'eager');
    frame.style.cssText = 'display:block;width:100%;border:0;height:640px;overflow:hidden';
    host.appendChild(frame);

    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
      var data = event.data;
      if (!data || data.source !== 'hip-triage' || data.version !== 1 || typeof data.type !== 'string') return;
      if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
      host.dispatchEvent(new CustomEvent(PREFIX + data.type, { detail: data, bubbles: true }));
    });

    // The host page may ask the wizard to start again or change language.
    host.addEventListener(PREFIX + 'command', function (event) {
      var detail = /** @type {CustomEvent} */ (event).detail || {};
      /** @type {Record<string, unknown>} */
      var message = { source: 'hip-triage-host', version: 1, type: detail.type };
      if (detail.type === 'set-locale') message.locale = detail.locale;
      if (frame.contentWindow) frame.contentWindow.postMessage(message, appOrigin);
    });
  }

  var targets = document.querySelectorAll('[data-hip-triage]');
  if (targets.length > 0) {
    for (var i = 0; i < targets.length; i += 1) mount(/** @type {HTMLElement} */ (targets[i]));
  } else {
    var host = document.createElement('div');
    host.setAttribute('data-hip-triage', '');
    if (script.parentNode) script.parentNode.insertBefore(host, script.nextSibling);
    mount(host);
  }
})();
