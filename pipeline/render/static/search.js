/* Ligetil: filter a language's guides by title and summary as the citizen types.
   Progressive enhancement: without this script the page lists every guide and shows no
   search box. The index is the page's own JSON data block, so it works from a file:// disk
   copy too (a fetch() of a separate file would not). */
(function () {
  "use strict";

  // Letters that differ only by keyboard or typing habit: Arabic and Persian/Urdu yeh and kaf,
  // alef maksura, Turkish dotless i; tatweel (ـ) only stretches a word.
  var SAME = { "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9", "\u0131": "i", "\u0640": "" };

  function fold(text) {
    // Joiners and direction marks are not typed: Persian "خوش‌آمد" is found as "خوشآمد" too.
    return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, "")
      .toLowerCase()
      .replace(/[\u064A\u0649\u0643\u0131\u0640]/g, function (c) { return SAME[c]; })
      .replace(/\s+/g, " ").trim();
  }

  function start() {
    var data = document.getElementById("guide-search-index");
    var form = document.querySelector(".guide-search");
    var input = document.getElementById("guide-search-input");
    var status = document.getElementById("guide-search-status");
    if (!data || !form || !input || !status) { return; }
    var guides = JSON.parse(data.textContent).map(function (guide) {
      return { item: document.getElementById("guide-" + guide.slug),
               key: fold(guide.title + " " + guide.summary) };
    }).filter(function (guide) { return guide.item; });

    function filter() {
      var words = fold(input.value).split(" ").filter(Boolean);
      var shown = 0;
      guides.forEach(function (guide) {
        var match = words.every(function (word) { return guide.key.indexOf(word) !== -1; });
        guide.item.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = shown ? "" : status.getAttribute("data-none");
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", filter);
    form.hidden = false;
  }

  start();
}());
