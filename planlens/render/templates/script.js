(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  // -- the URL: filters in the query, the clause (or the current change) in the fragment ----

  function setUrl(query, hash) {
    var search = query === null ? location.search : (query ? "?" + query : "");
    var fragment = hash === null ? location.hash : (hash ? "#" + hash : "");
    try {
      history.replaceState(history.state, "", location.pathname + search + fragment);
    } catch (e) { /* a browser that refuses it for file:// keeps the URL as it was */ }
  }

  function targetOf(hash) {
    if (!hash || hash.length < 2) { return null; }
    try { return document.getElementById(decodeURIComponent(hash.slice(1))); } catch (e) { return null; }
  }

  // Opens what holds a clause: a collapsed unchanged clause, a collapsed family, a citation.
  function openTarget(target) {
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    var row = target.closest("tr.row");
    var same = row ? row.querySelector("details.same-text") : null;
    if (same) { same.open = true; }
    return row;
  }

  // -- search: every clause of every plan, from an index loaded beside the page -------------

  var searchForm = document.getElementById("site-search");
  if (searchForm) {
    var box = document.getElementById("search-q");
    var results = document.getElementById("search-results");
    var siteRoot = searchForm.dataset.root || "";
    var loading = false;
    var LIMIT = 50;

    var normalise = function (text) {
      return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    };
    var wordsOf = function (text) { return normalise(text).match(/[\p{L}\p{N}]+/gu) || []; };

    var load = function () {
      if (window.planlensSearch || loading) { return; }
      loading = true;
      var script = document.createElement("script");
      script.src = siteRoot + searchForm.dataset.index;
      script.onload = function () { run(); };
      script.onerror = function () {
        show([], "The search index (" + searchForm.dataset.index + ") could not be loaded.");
      };
      document.head.appendChild(script);
    };

    // The clauses with a word starting with `prefix`: the index's words are sorted, in UTF-16
    // order as JavaScript compares strings, so they are one run found by binary search.
    var clausesWith = function (index, prefix) {
      var list = index.words, lo = 0, hi = list.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid][0] < prefix) { lo = mid + 1; } else { hi = mid; }
      }
      var found = {};
      for (var k = lo; k < list.length && list[k][0].lastIndexOf(prefix, 0) === 0; k++) {
        list[k][1].forEach(function (c) { found[c] = true; });
      }
      return found;
    };

    var find = function (index, query) {
      var phrase = /^\s*".*"\s*$/.test(query);
      var terms = wordsOf(query);
      if (!terms.length) { return { terms: terms, hits: [] }; }
      var found = null;
      terms.forEach(function (term) {
        var these = clausesWith(index, term);
        if (found === null) { found = these; return; }
        Object.keys(found).forEach(function (c) { if (!these[c]) { delete found[c]; } });
      });
      var hits = Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
      if (phrase) {
        // A phrase: the words in this order, the last one possibly cut short.
        var wanted = " " + terms.join(" ");
        hits = hits.filter(function (c) {
          return (" " + wordsOf(index.clauses[c][3]).join(" ")).indexOf(wanted) >= 0;
        });
      }
      return { terms: terms, hits: hits };
    };

    // A snippet of the clause around its first matching word, matches marked (text nodes only).
    var snippet = function (text, terms) {
      var parts = text.split(/([\p{L}\p{N}\p{M}]+)/u);
      var matches = function (part) {
        var n = normalise(part);
        return terms.some(function (t) { return n.lastIndexOf(t, 0) === 0; });
      };
      var first = 0;
      for (var k = 1; k < parts.length; k += 2) { if (matches(parts[k])) { first = k; break; } }
      var start = Math.max(0, first - 16), end = Math.min(parts.length, first + 40);
      var out = document.createElement("span");
      out.className = "search-snippet";
      if (start > 0) { out.appendChild(document.createTextNode("…")); }
      for (var j = start; j < end; j++) {
        if (j % 2 === 1 && matches(parts[j])) {
          var mark = document.createElement("mark");
          mark.textContent = parts[j];
          out.appendChild(mark);
        } else {
          out.appendChild(document.createTextNode(parts[j]));
        }
      }
      if (end < parts.length) { out.appendChild(document.createTextNode("…")); }
      return out;
    };

    var link = function (href, text) {
      var a = document.createElement("a");
      a.href = siteRoot + href;
      a.textContent = text;
      return a;
    };

    var show = function (items, message) {
      results.textContent = "";
      var status = document.createElement("p");
      status.className = "search-status";
      status.setAttribute("role", "status");
      status.textContent = message;
      results.appendChild(status);
      if (items.length) {
        var list = document.createElement("ol");
        items.forEach(function (item) { list.appendChild(item); });
        results.appendChild(list);
      }
      results.hidden = false;
    };

    var run = function () {
      var query = box.value;
      if (!query.trim()) { results.hidden = true; results.textContent = ""; return; }
      var index = window.planlensSearch;
      if (!index) { load(); return; }
      var found = find(index, query);
      var versions = {};
      var items = found.hits.slice(0, LIMIT).map(function (c) {
        var clause = index.clauses[c], plan = index.plans[clause[0]];
        versions[clause[0]] = true;
        var li = document.createElement("li");
        var head = link(plan[3] + "#clause-" + clause[1], plan[1] + " (" + plan[2] + "), clause " + clause[2]);
        head.className = "search-hit";
        li.appendChild(head);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(snippet(clause[3], found.terms));
        var also = index.comparisons.filter(function (p) { return p[0] === clause[0] || p[1] === clause[0]; });
        if (also.length) {
          var p = document.createElement("span");
          p.className = "search-also";
          p.appendChild(document.createTextNode(" In comparisons: "));
          also.forEach(function (pair, k) {
            var old = pair[0] === clause[0];
            var other = index.plans[old ? pair[1] : pair[0]];
            var a = link(pair[2] + "#" + (old ? "old-" : "new-") + clause[1], (old ? "→ " : "← ") + other[0]);
            a.setAttribute("aria-label", (old ? "compared with the later " : "compared with the earlier ") + other[0]);
            p.appendChild(a);
            if (k < also.length - 1) { p.appendChild(document.createTextNode(", ")); }
          });
          li.appendChild(p);
        }
        return li;
      });
      found.hits.slice(LIMIT).forEach(function (c) { versions[index.clauses[c][0]] = true; });
      var count = found.hits.length, nversions = Object.keys(versions).length;
      show(items, count
        ? count + (count === 1 ? " clause" : " clauses") + " in " + nversions + (nversions === 1 ? " version" : " versions") +
          (count > LIMIT ? "; the first " + LIMIT + " are shown" : "") + "."
        : "No clause contains " + (found.terms.length > 1 ? "all these words." : "this word."));
    };

    box.addEventListener("focus", load);
    box.addEventListener("input", run);
    searchForm.addEventListener("submit", function (event) {
      // Enter opens the first result; the form itself is never sent anywhere.
      event.preventDefault();
      run();
      var first = results.querySelector("a.search-hit");
      if (first) { first.click(); }
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { box.value = ""; run(); }
    });
  }

  // -- the lineage page's clause histories: open without scripts; with them, collapsed, and
  // opened one by one (or by a link to one) or all at once --------------------------------

  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll("details.family"), function (d) { d.open = open; });
  }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand && collapse) {
    expand.addEventListener("click", function () { setAll(true); });
    collapse.addEventListener("click", function () { setAll(false); });
    setAll(false);
  }

  // -- a clause named in the URL: open it and show it ---------------------------------------

  var opened = targetOf(location.hash);
  var openedRow = opened ? openTarget(opened) : null;
  window.addEventListener("hashchange", function () {
    var target = targetOf(location.hash);
    if (target) { openTarget(target); target.scrollIntoView({ block: "start" }); }
  });
  if (opened) {
    window.addEventListener("load", function () { opened.scrollIntoView({ block: "start" }); });
  }

  // -- filters and j/n on a report or a lineage page ----------------------------------------

  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var form = document.getElementById("filters");
  if (!form) { return; }
  var status = document.getElementById("filter-status");
  var relations = Array.prototype.slice.call(form.querySelectorAll('input[name="relation"]'));

  function visible(row) {
    var checked = form.querySelector('input[name="relation"][value="' + row.dataset.relation + '"]');
    if (checked && !checked.checked) { return false; }
    var topic = form.elements.topic.value;
    if (topic && (" " + row.dataset.topics + " ").indexOf(" " + topic + " ") < 0) { return false; }
    if (form.elements.substantive.checked && row.dataset.substantive !== "1") { return false; }
    if (form.elements.hideunchanged.checked && row.dataset.relation === "unchanged") { return false; }
    return true;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var show = visible(row);
      row.hidden = !show;
      if (show) { shown += 1; }
    });
    status.textContent = shown + " of " + rows.length + " rows shown";
  }

  // The filters in the query: ?only=modified,added&topic=nato&substantive=1&hideunchanged=1
  // (only what differs from the defaults), so that a filtered view can be shared and reloaded.
  function readFilters() {
    var params = new URLSearchParams(location.search);
    var only = params.get("only");
    if (only !== null) {
      var wanted = only.split(",");
      relations.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    }
    var topic = params.get("topic");
    if (topic !== null) {
      form.elements.topic.value = topic;
      if (form.elements.topic.value !== topic) { form.elements.topic.value = ""; }
    }
    form.elements.substantive.checked = params.get("substantive") === "1";
    form.elements.hideunchanged.checked = params.get("hideunchanged") === "1";
  }

  function writeFilters() {
    var params = new URLSearchParams(location.search);
    ["only", "topic", "substantive", "hideunchanged"].forEach(function (name) { params.delete(name); });
    var parts = [];
    var rest = params.toString();
    if (rest) { parts.push(rest); }
    var on = relations.filter(function (box) { return box.checked; });
    if (on.length < relations.length) {
      parts.push("only=" + on.map(function (box) { return encodeURIComponent(box.value); }).join(","));
    }
    if (form.elements.topic.value) { parts.push("topic=" + encodeURIComponent(form.elements.topic.value)); }
    if (form.elements.substantive.checked) { parts.push("substantive=1"); }
    if (form.elements.hideunchanged.checked) { parts.push("hideunchanged=1"); }
    setUrl(parts.join("&"), null);
  }

  function anchorOf(row) {
    if (row.id) { return row.id; }
    var anchor = row.querySelector(".anchor[id]");
    return anchor ? anchor.id : "";
  }

  var last = null;  // the row last stepped to: a click on a button takes the focus away from it

  function step(direction) {
    var changes = rows.filter(function (row) {
      return !row.hidden && row.dataset.relation !== "unchanged" && row.dataset.kind === "change";
    });
    if (!changes.length) { return; }
    var active = document.activeElement;
    var focused = active ? active.closest("tr.row") : null;
    var onButton = active && (active.id === "next-change" || active.id === "prev-change");
    var current = focused || (onButton ? last : null);
    var at = current ? changes.indexOf(current) : -1;
    if (at < 0 && current) {
      // Not on a change: go to the first change after (or before) the current row.
      var position = rows.indexOf(current);
      at = direction > 0 ? -1 : changes.length;
      changes.forEach(function (row, k) {
        var p = rows.indexOf(row);
        if (direction > 0 && p < position) { at = k; }
        if (direction < 0 && p > position && at === changes.length) { at = k; }
      });
    }
    var next = changes[Math.min(Math.max(at + direction, 0), changes.length - 1)];
    last = next;
    next.focus();
    next.scrollIntoView({ block: "center" });
    // The current change is in the URL: a reload (or the link, shared) comes back to it.
    setUrl(null, anchorOf(next));
  }

  form.addEventListener("change", function () { apply(); writeFilters(); });
  // Focus elsewhere (a filter, a link) ends a run of button presses: start again from the top.
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!target.closest("tr.row") && target.id !== "next-change" && target.id !== "prev-change") {
      last = null;
    }
  });
  document.getElementById("next-change").addEventListener("click", function () { step(1); });
  document.getElementById("prev-change").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) { return; }
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
  });
  // A clause jumped to is not hidden under the sticky bar: the page scrolls it that much lower.
  function measure() {
    var sticky = getComputedStyle(form).position === "sticky";
    root.style.setProperty("--bar-height", sticky ? form.offsetHeight + 8 + "px" : "0px");
  }
  window.addEventListener("resize", measure);
  measure();
  readFilters();
  apply();
  if (openedRow && !openedRow.hidden) {
    // The row named in the URL is the current one: j/n go on from it.
    last = openedRow;
    openedRow.focus({ preventScroll: true });
  }
}());
