// The inline CDN loader snippet (built to dist/cdn/loader-snippet.min.js, <= 400 B gzip).
// A stub `ChatMeet(...)` queues calls; after DOM ready it injects the real module, which
// replays the queue in order. Including it twice is harmless: the second copy sees
// `window.ChatMeet` and does nothing.
(function (w, d, src) {
  if (w.ChatMeet) return;
  var stub = function () {
    stub.q.push(arguments);
  };
  stub.q = [];
  w.ChatMeet = stub;
  function load() {
    if (stub.s) return;
    stub.s = 1;
    var s = d.createElement('script');
    s.type = 'module';
    s.async = true;
    s.crossOrigin = 'anonymous';
    s.src = src;
    (d.head || d.body).appendChild(s);
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', load);
  else load();
})(window, document, '__CHAT_MEET_BOOT_URL__');
