/*
 * Aktionsplan Hessen: the embed loader (MIT licence). Documented in the app's README, "Einbetten".
 *
 * A host page writes
 *   <div data-aktionsplan-embed="/handlungsfelder/unterstuetzung-des-ehrenamts"></div>
 *   <script src="https://<app origin and base path>/embed.js" async></script>
 * and this script puts a frame with that page of the app into every such element, sized to its
 * content from the app's messages. It needs no inline script or style on the host page and no
 * other file, and it stores nothing.
 *
 * Options on the element, each checked strictly (anything else is ignored with a warning):
 *   data-akzentfarbe="#005ca9"      accent colour, six hex digits
 *   data-farbschema="hell|dunkel|system"
 *   data-dichte="normal|kompakt"
 */
(function () {
  "use strict";

  var PREFIX = "Aktionsplan Hessen (embed.js): ";
  var ATTRIBUTE = "data-aktionsplan-embed";
  var DONE = "data-aktionsplan-embed-geladen";
  // What the frame may do: run the app, keep its own origin (for its files), submit its search
  // form, and open links in a new, unsandboxed tab. Not: navigate the host page, downloads,
  // pointer lock, modals or presentation.
  var SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";
  // The app uses none of these features; the frame gets none of them.
  var ALLOW = "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'";
  var HEIGHT_MESSAGE = "aktionsplan:hoehe";
  var VERSION = 1;
  var ROUTE = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/;

  var script = document.currentScript;
  if (!script || !script.src) {
    var candidates = document.querySelectorAll("script[src$='/embed.js']");
    script = candidates[candidates.length - 1];
  }
  if (!script) {
    console.error(PREFIX + "findet sein eigenes <script>-Element nicht und kennt deshalb die Adresse der App nicht.");
    return;
  }
  var base = new URL(".", script.src);
  var origin = base.origin;
  var key = "aktionsplanEinbettung " + base.href;
  if (window[key]) {
    return; // The loader of this app is on the page twice; the first one does the work.
  }
  window[key] = true;

  var frames = [];

  function warn(element, text) {
    console.warn(PREFIX + text, element);
  }

  // The route and its query from the attribute, or null (with a warning) when it is not a path
  // of the app such as "/leitlinien" or "/suche?q=Unterkunft".
  function route(element) {
    var value = (element.getAttribute(ATTRIBUTE) || "").trim() || "/";
    var at = value.indexOf("?");
    var path = at < 0 ? value : value.slice(0, at);
    var query = at < 0 ? "" : value.slice(at + 1);
    if (!ROUTE.test(path)) {
      warn(element, ATTRIBUTE + '="' + value.slice(0, 80) + '" ist kein Pfad der App wie /leitlinien; die Startseite wird gezeigt.');
      return { path: "/", search: null };
    }
    var search = null;
    if (query) {
      var params = new URLSearchParams(query);
      search = path === "/suche" ? params.get("q") : null;
      if (search === null) {
        warn(element, "nur /suche nimmt eine Abfrage (?q=…) an; die Abfrage in " + ATTRIBUTE + " wird ignoriert.");
      }
    }
    return { path: path, search: search };
  }

  // The theme options of the element as query parameters; invalid values are left out.
  function theme(element, params) {
    var accent = element.getAttribute("data-akzentfarbe");
    if (accent !== null) {
      if (/^#?[0-9a-fA-F]{6}$/.test(accent)) {
        params.set("akzent", accent.replace("#", "").toLowerCase());
      } else {
        warn(element, 'data-akzentfarbe="' + accent.slice(0, 40) + '" wird ignoriert: erwartet sind sechs Hexadezimalziffern wie #005ca9.');
      }
    }
    var scheme = element.getAttribute("data-farbschema");
    if (scheme !== null) {
      if (scheme === "hell" || scheme === "dunkel" || scheme === "system") {
        params.set("farbschema", scheme);
      } else {
        warn(element, 'data-farbschema="' + scheme.slice(0, 40) + '" wird ignoriert: erlaubt sind hell, dunkel und system.');
      }
    }
    var density = element.getAttribute("data-dichte");
    if (density !== null) {
      if (density === "normal" || density === "kompakt") {
        params.set("dichte", density);
      } else {
        warn(element, 'data-dichte="' + density.slice(0, 40) + '" wird ignoriert: erlaubt sind normal und kompakt.');
      }
    }
  }

  function embed(element) {
    element.setAttribute(DONE, "");
    var target = route(element);
    var url = new URL(target.path.slice(1), base);
    url.searchParams.set("einbettung", "1");
    if (window.location.origin && window.location.origin !== "null") {
      url.searchParams.set("herkunft", window.location.origin);
    }
    if (target.search !== null) {
      url.searchParams.set("q", target.search);
    }
    theme(element, url.searchParams);
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = "Aktionsplan Hessen";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("sandbox", SANDBOX);
    frame.setAttribute("allow", ALLOW);
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // Styles through the CSS object model, which a host's Content-Security-Policy allows.
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = "32rem";
    // The app reports its size by itself, from its start on; the loader needs to ask nothing.
    // (A host script can ask with { type: "aktionsplan:hoehe-anfragen", version: 1 }.)
    frames.push({ frame: frame, path: null });
    element.replaceChildren(frame);
  }

  function scan() {
    var elements = document.querySelectorAll("[" + ATTRIBUTE + "]:not([" + DONE + "])");
    for (var i = 0; i < elements.length; i++) {
      embed(elements[i]);
    }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) {
      return;
    }
    var entry = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) {
        entry = frames[i];
      }
    }
    var data = event.data;
    if (!entry || !data || typeof data !== "object" || data.type !== HEIGHT_MESSAGE || data.version !== VERSION) {
      return;
    }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 1 || height > 1000000) {
      return;
    }
    entry.frame.style.height = Math.ceil(height) + "px";
    if (typeof data.title === "string" && data.title) {
      entry.frame.title = data.title.slice(0, 200);
    }
    if (typeof data.path === "string") {
      var navigated = entry.path !== null && entry.path !== data.path;
      entry.path = data.path;
      // After a link in the frame led to another page, show that page from its start.
      if (navigated && entry.frame.getBoundingClientRect().top < 0) {
        entry.frame.scrollIntoView({ block: "start" });
      }
    }
  });

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
  // Elements that the host page adds later (for example a CMS's tabs) get their frame too.
  if (window.MutationObserver) {
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
