// hypelint HTML report: finding cards, keyboard navigation, filters.
// Every text shown comes from the JSON data block and is set with textContent,
// never as HTML, so nothing in a draft or a message can become markup.
// A finding is a highlight (mark.hl, in pieces) or, when it is about the whole
// piece, a banner (aside.hl.piece); `.hl` selects both.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("hl-data").textContent);
  var card = document.getElementById("card");
  var position = document.getElementById("position");
  // First pieces and banners, in document order: one per finding.
  var firsts = Array.prototype.slice.call(document.querySelectorAll(".hl:not(.cont)"));
  var current = null; // the first piece of the finding last shown
  var pinned = false;
  var hideTimer = null;

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function labelled(className, label, text) {
    var p = make("p", className);
    p.appendChild(make("span", "label", label + " "));
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function isOff(mark) {
    return mark.classList.contains("off");
  }

  function piecesOf(id) {
    // Ids are "f" and digits (made by the report), safe in a selector.
    return document.querySelectorAll('.hl[data-f="' + id + '"]');
  }

  // The findings at a highlight: its own and those of highlights around it.
  function findingsAt(mark) {
    var ids = [];
    var node = mark;
    while (node) {
      if (!isOff(node) && ids.indexOf(node.dataset.f) < 0) ids.push(node.dataset.f);
      node = node.parentElement ? node.parentElement.closest("mark.hl") : null;
    }
    return ids;
  }

  function entry(id) {
    var finding = data.findings[id];
    var rule = data.rules[finding.rule] || {};
    var box = make("section", "entry");
    box.dataset.f = id;
    var head = make("p", "entry-head");
    head.appendChild(make("span", "sev sev-" + finding.severity, finding.severity));
    head.appendChild(make("code", "", finding.rule));
    head.appendChild(make("span", "rule-name", finding.name));
    var category = make("span", "cat", finding.category);
    category.dataset.category = finding.category;
    head.appendChild(category);
    box.appendChild(head);
    box.appendChild(make("p", "msg", finding.message));
    if (finding.suggestion) box.appendChild(labelled("sugg", "Suggestion:", finding.suggestion));
    if (rule.description) box.appendChild(make("p", "desc", rule.description));
    if (rule.rationale) box.appendChild(labelled("why", "Why:", rule.rationale));
    if (rule.reference) {
      var ref = labelled("ref", "Reference:", "");
      if (/^https?:\/\/\S+$/.test(rule.reference)) {
        var link = make("a", "", rule.reference);
        link.href = rule.reference;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        ref.appendChild(link);
      } else {
        ref.appendChild(document.createTextNode(rule.reference));
      }
      box.appendChild(ref);
    }
    box.appendChild(make("p", "where", finding.path + ":" + finding.line + ":" + finding.column));
    return box;
  }

  function narrow() {
    return window.matchMedia("(max-width: 40rem)").matches;
  }

  function place(mark) {
    if (narrow()) {
      // A sheet at the bottom of the screen (see the stylesheet): keep the
      // highlight above it.
      card.style.left = "";
      card.style.top = "";
      var rect = mark.getBoundingClientRect();
      var sheet = card.getBoundingClientRect();
      if (rect.bottom > sheet.top - 8) window.scrollBy(0, rect.top - 90);
      return;
    }
    var rect = mark.getBoundingClientRect();
    var width = card.offsetWidth;
    var left = Math.min(Math.max(8, rect.left), document.documentElement.clientWidth - width - 8);
    var below = rect.bottom + 8;
    var top = below + card.offsetHeight > window.innerHeight && rect.top - card.offsetHeight - 8 > 60
      ? rect.top - card.offsetHeight - 8
      : below;
    card.style.left = Math.max(8, left) + window.scrollX + "px";
    card.style.top = top + window.scrollY + "px";
  }

  function markCurrent(id) {
    Array.prototype.forEach.call(document.querySelectorAll(".hl.current"), function (m) {
      m.classList.remove("current");
    });
    if (id) Array.prototype.forEach.call(piecesOf(id), function (m) { m.classList.add("current"); });
  }

  function show(mark, pin) {
    var ids = findingsAt(mark);
    if (!ids.length) return;
    clearTimeout(hideTimer);
    card.textContent = "";
    var close = make("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", hide);
    card.appendChild(close);
    ids.forEach(function (id) { card.appendChild(entry(id)); });
    card.dataset.f = ids.join(" ");
    card.hidden = false;
    place(mark);
    pinned = pin;
    if (pin) {
      current = document.getElementById(ids[0]);
      markCurrent(ids[0]);
      updatePosition();
    }
  }

  function hide() {
    card.hidden = true;
    card.dataset.f = "";
    pinned = false;
    markCurrent(null);
  }

  function visibleFirsts() {
    return firsts.filter(function (m) { return !isOff(m); });
  }

  function updatePosition() {
    var shown = visibleFirsts();
    var index = current ? shown.indexOf(current) : -1;
    position.textContent = (index >= 0 ? index + 1 + " / " : "") + shown.length +
      (shown.length === firsts.length ? " findings" : " of " + firsts.length + " shown");
  }

  function go(step) {
    var shown = visibleFirsts();
    if (!shown.length) return;
    var index = current ? shown.indexOf(current) : -1;
    if (index < 0) index = step > 0 ? -1 : shown.length;
    index = (index + step + shown.length) % shown.length;
    var mark = shown[index];
    mark.scrollIntoView({ block: narrow() ? "start" : "center" });
    mark.focus({ preventScroll: true });
    show(mark, true);
  }

  function applyFilters() {
    var off = { category: {}, severity: {} };
    Array.prototype.forEach.call(document.querySelectorAll(".filters input[type=checkbox]"), function (box) {
      if (!box.checked) off[box.dataset.kind][box.value] = true;
    });
    function hidden(node) {
      return Boolean(off.category[node.dataset.category] || off.severity[node.dataset.severity]);
    }
    Array.prototype.forEach.call(document.querySelectorAll(".hl"), function (m) {
      m.classList.toggle("off", hidden(m));
      if (m.id) m.tabIndex = hidden(m) ? -1 : 0;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".flist li"), function (item) {
      item.hidden = hidden(item);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".filters button.only"), function (button) {
      button.setAttribute("aria-pressed", String(alone(button.dataset.category)));
    });
    if (current && isOff(current)) current = null;
    var showing = (card.dataset.f || "").split(" ").filter(Boolean);
    if (showing.some(function (id) { var m = document.getElementById(id); return m && isOff(m); })) hide();
    updatePosition();
  }

  function categoryBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('.filters input[data-kind="category"]'));
  }

  // Whether a category is the only one shown.
  function alone(name) {
    return categoryBoxes().every(function (box) { return box.checked === (box.value === name); });
  }

  // "Only this": the category alone, or, when it is already alone, every category again.
  function only(name) {
    var again = alone(name);
    categoryBoxes().forEach(function (box) { box.checked = again || box.value === name; });
    applyFilters();
  }

  function showAll() {
    categoryBoxes().forEach(function (box) { box.checked = true; });
    applyFilters();
  }

  var filters = document.querySelector(".filters");

  function closeFilters(target) {
    if (filters && filters.open && !(target && filters.contains(target))) filters.open = false;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    closeFilters(target); // the panel folds away when the reader clicks elsewhere
    var jump = target.closest("a.jump");
    if (jump) {
      var mark = document.getElementById(jump.dataset.f);
      if (mark && !isOff(mark)) {
        event.preventDefault();
        mark.scrollIntoView({ block: narrow() ? "start" : "center" });
        mark.focus({ preventScroll: true });
        show(mark, true);
      }
      return;
    }
    // A click or a tap on a finding pins its card and makes it the position next and previous move on from.
    var hit = target.closest(".hl");
    if (hit && !isOff(hit)) {
      show(hit, true);
      return;
    }
    // Clicks in the toolbar (next, previous, filters) keep the card.
    if (!card.hidden && !card.contains(target) && !target.closest(".toolbar")) hide();
  });

  // Hovering is for a mouse only. A touch screen reports a tap as a hover
  // first: showing the card then would put it (a sheet at the bottom of a
  // phone's screen) under the finger before the tap's click arrives, so the
  // click would land on the card and never pin the finding (and iOS Safari
  // drops the click of a tap whose hover changed the page).
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var hit = event.target.closest("mark.hl");
    if (hit && !pinned && !isOff(hit)) show(hit, false);
    if (event.target.closest(".card")) clearTimeout(hideTimer);
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || pinned || card.hidden) return;
    var to = event.relatedTarget;
    if (to && (to.closest("mark.hl") || to.closest(".card"))) return;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (!pinned) hide(); }, 250);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && event.target.type !== "checkbox")) return;
    var key = event.key;
    if (key === "n" || key === "j" || key === "ArrowRight") {
      event.preventDefault();
      go(1);
    } else if (key === "p" || key === "k" || key === "ArrowLeft") {
      event.preventDefault();
      go(-1);
    } else if (key === "Escape") {
      hide();
      closeFilters(null);
    } else if ((key === "Enter" || key === " ") && event.target.matches && event.target.matches(".hl")) {
      event.preventDefault();
      show(event.target, true);
    }
  });

  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("prev").addEventListener("click", function () { go(-1); });
  Array.prototype.forEach.call(document.querySelectorAll(".filters input[type=checkbox]"), function (box) {
    box.addEventListener("change", applyFilters);
  });
  Array.prototype.forEach.call(document.querySelectorAll(".filters button.only"), function (button) {
    button.addEventListener("click", function () { only(button.dataset.category); });
  });
  var all = document.querySelector(".filters button.show-all");
  if (all) all.addEventListener("click", showAll);
  window.addEventListener("resize", function () {
    if (!card.hidden && current && pinned) place(current);
  });
  updatePosition();
})();
