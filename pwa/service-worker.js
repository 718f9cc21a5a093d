// The service worker of Aktionsplan Hessen: it makes the installed app readable offline.
//
// This is a template. `cargo xtask dist` writes it as `sw.js` (crates/xtask/src/pwa/worker.rs),
// replacing the two placeholders with JSON: every file of the build as a URL, and a cache name made
// from the hash of those files. Any change of the build thus changes this file, and the browser
// installs the new worker beside the running one.
//
// The app registers it as `{base}sw.js` with the scope `{base}`. A new worker waits until the app
// posts it `{type: "SKIP_WAITING"}`, so an open page never gets files of two builds.

"use strict";

const PRECACHE = self.__PRECACHE__;
const CACHE = self.__VERSION__;
// Every cache of this app starts with this; caches of other apps on the origin are left alone.
const PREFIX = "aktionsplan-";
// One entry per URL, so a `Vary` header could only cause misses.
const MATCH = { ignoreVary: true };

self.addEventListener("install", (event) => {
  // "reload" bypasses the HTTP cache, which may still hold a file of the previous build. There is
  // no skipWaiting here: open pages keep the old worker until the app asks for the new one.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  // Older builds' caches go; claiming the open pages lets a first visit work offline at once.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // The scope is an absolute URL, so this also keeps out every other origin.
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

// Files: from this build's cache, else from the network.
async function file(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, MATCH)) || fetch(request);
}

// Pages: the cached page of the path, else the network, else (offline) the not-found page.
async function page(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(pageUrl(request.url), MATCH);
  // A navigation may not be answered with a redirected response (a host that redirected
  // `/leitlinien` to `/leitlinien/` at install time), so such a response is copied.
  if (cached) return cached.redirected ? new Response(cached.body, cached) : cached;
  try {
    return await fetch(request);
  } catch (error) {
    const missing = await cache.match(new URL("404.html", self.registration.scope).href, MATCH);
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, statusText: "Not Found", headers: missing.headers });
  }
}

// The cached URL of a page: the query only changes what the app shows on it (`/suche?q=…`), and
// the pages are listed without a trailing slash, except the start page, which is the scope.
function pageUrl(address) {
  const url = new URL(address);
  url.search = "";
  url.hash = "";
  if (url.href !== self.registration.scope && url.pathname.endsWith("/")) {
    url.pathname = url.pathname.slice(0, -1);
  }
  return url.href;
}
