(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var form = document.getElementById("filters");
  if (!form) { return; }
  var status = document.getElementById("filter-status");

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
  }

  form.addEventListener("change", apply);
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
  apply();
}());
