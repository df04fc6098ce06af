"""The html report's stylesheet and script, kept apart from the markup that `html.py` writes.

The script is progressive: with JavaScript off the page shows every finding and every control
that needs the script stays hidden (`hidden` on the toolbar, `.js` on <html> for the rest). With
it on, it filters findings by level, rule and search words (file path, message, quoted text),
opens and closes files, and opens a collapsed file when a link points inside it. It reads only
the page: it never builds markup from text (only `textContent`, `hidden` and classes change), so
no article or message can become code, and it fetches nothing.

It must never load anything from the network: no fonts, images, imports or `url(...)`.
"""
from __future__ import annotations

CSS = """
:root{color-scheme:light dark;--page:#f4f5f7;--card:#fff;--ink:#1d2433;--muted:#596172;--line:#e3e6ea;
--link:#1a4fa0;--focus:#1a4fa0;--target:#fff8d6;--on-badge:#fff;--err:#b42318;--err-bg:#fde3e1;
--warn:#a24a05;--warn-bg:#fdefc8;--info:#1c4fb8;--info-bg:#dde9fd;--gutter:3.4rem}
@media (prefers-color-scheme:dark){:root{--page:#14161b;--card:#1d2027;--ink:#e4e7ec;--muted:#a2a9b7;
--line:#353a45;--link:#8fb6ff;--focus:#8fb6ff;--target:#3a3420;--on-badge:#14161b;--err:#ff8f85;
--err-bg:#4b201d;--warn:#f2b257;--warn-bg:#43321a;--info:#92b8ff;--info-bg:#1e2d4a}}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
a{color:var(--link)} h1{font-size:1.55rem;margin:0} h2{font-size:1.15rem;margin:0}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header p{margin:.3rem 0;color:var(--muted)}
.sev-error{--c:var(--err);--bg:var(--err-bg)} .sev-warning{--c:var(--warn);--bg:var(--warn-bg)}
.sev-info{--c:var(--info);--bg:var(--info-bg)}
.stats{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0 0;padding:0;list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c,var(--muted));
border-radius:8px;min-width:7rem}
.stats li>*{display:block;padding:.45rem .9rem;width:100%;text-align:left}
.stats b{display:block;font-size:1.5rem;line-height:1.2}
button{font:inherit;color:inherit}
.pick{background:none;border:0;margin:0;padding:0;text-align:inherit}
.js .pick{cursor:pointer} .js .pick:hover{text-decoration:underline}
.js .stats .pick:hover,.stats .pick[aria-pressed=true]{background:var(--bg);text-decoration:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:1.25rem 0;
padding:1rem 1.25rem;box-shadow:0 1px 2px rgba(16,24,40,.05)}
table{border-collapse:collapse;width:100%;margin-top:.6rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.r,td.l,td.n{white-space:nowrap} td.l,td.n{width:1%} .n{text-align:right}
td.n{font-variant-numeric:tabular-nums;font-weight:600} td.n .pick{color:var(--link);font-weight:600}
tr:target,tr.picked{background:var(--target)}
td.desc{color:var(--muted);font-size:.9rem} td.desc summary{font-size:.8rem}
.rule{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.badge{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.78rem;font-weight:700;
color:var(--on-badge);background:var(--c);white-space:nowrap}
.badge::before{margin-right:.3em} .badge.sev-error::before{content:"\\2716"}
.badge.sev-warning::before{content:"\\25B2"}
.badge.sev-info::before{content:"i";font-style:italic;font-family:Georgia,serif}
.toolbar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem .9rem;align-items:center;
background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.6rem .9rem;
margin:1.25rem 0 .5rem;box-shadow:0 2px 6px rgba(16,24,40,.12)}
.toolbar[hidden]{display:none}
.toolbar input[type=search]{flex:1 1 22rem;min-width:12rem;padding:.4rem .6rem;border:1px solid var(--line);
border-radius:6px;background:var(--page);color:var(--ink);font:inherit}
.toolbar fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem}
.toolbar label{display:inline-flex;align-items:center;gap:.25rem;cursor:pointer;white-space:nowrap}
.toolbar select{padding:.35rem .4rem;border:1px solid var(--line);border-radius:6px;background:var(--page);
color:var(--ink);font:13px ui-monospace,Menlo,Consolas,monospace;max-width:16rem}
.toolbar .tools{display:flex;gap:.4rem;margin-left:auto}
.toolbar .tools button{background:var(--page);border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem;
font-size:.85rem;cursor:pointer}
.toolbar .tools button:hover{border-color:var(--muted)}
.status{flex-basis:100%;margin:0;color:var(--muted);font-size:.88rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.files-head{margin:1.5rem 0 .6rem} .files-head .in{font-weight:400;color:var(--muted);font-size:.9rem}
.path .dir{color:var(--muted);font-weight:400}
details.file{padding:0;margin:.45rem 0}
details.file[open]{margin:1rem 0}
details.file>summary{display:flex;gap:.6rem;align-items:baseline;padding:.55rem 1rem;
color:var(--ink);list-style:none}
details.file>summary .path{flex:1 1 auto}
details.file>summary .counts{flex:none;display:flex;gap:.3rem;flex-wrap:wrap;justify-content:flex-end}
details.file>summary::-webkit-details-marker{display:none}
details.file>summary::before{content:"\\25B8";color:var(--muted);width:1em;flex:none}
details.file[open]>summary::before{content:"\\25BE"}
details.file[open]>summary{border-bottom:1px solid var(--line)}
details.file>summary:hover{background:var(--page);border-radius:10px}
.path{font:600 14px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.shown{color:var(--muted);font-size:.85rem}
.file .source{padding:.75rem 1.25rem 1rem}
details summary{cursor:pointer;color:var(--muted)}
.line{display:grid;grid-template-columns:var(--gutter) minmax(0,1fr);column-gap:.9rem}
.line:target{background:var(--target)}
.line,.note,.file,tr{scroll-margin-top:8rem}
.num{text-align:right;color:var(--muted);text-decoration:none;user-select:none;padding-right:.5rem;
font:12px/27px ui-monospace,Menlo,Consolas,monospace;border-right:3px solid transparent}
.line.has .num{color:var(--c);font-weight:700;border-right-color:var(--c)}
.line.has.off .num{color:var(--muted);font-weight:400;border-right-color:transparent}
.text{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;min-height:27px;max-width:46rem;
font:16.5px/27px Charter,"Iowan Old Style",Georgia,"Times New Roman",serif}
.gap{margin:.2rem 0 .2rem calc(var(--gutter) + .9rem);color:var(--muted);font-size:.82rem;font-style:italic}
mark.hl{color:inherit;background:var(--bg);border-radius:2px;text-decoration:underline var(--c) 2px;
text-underline-offset:4px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.hl.sev-warning{text-decoration-style:dashed}
mark.hl.sev-info{text-decoration-style:dotted;text-decoration-thickness:3px}
mark.point{background:none;border-left:3px solid var(--c);text-decoration:none;margin:0 1px}
mark.hl[data-ref]::after{content:attr(data-ref);display:inline-block;font:700 10px/1 system-ui,sans-serif;
vertical-align:.6em;color:var(--on-badge);background:var(--c);border-radius:6px;padding:2px 4px;margin-left:2px}
mark.hl.off{background:none;text-decoration:none;border-color:transparent}
mark.hl.off::after{display:none}
.notes{list-style:none;margin:.15rem 0 .8rem calc(var(--gutter) + .9rem);padding:0;max-width:46rem}
.notes.whole{margin:.75rem 1.25rem 1rem}
.note{background:var(--bg);border-left:4px solid var(--c);border-radius:0 6px 6px 0;padding:.4rem .7rem;
margin:.3rem 0}
.note .ref{font-weight:700;color:var(--c);margin-right:.3rem;text-decoration:none}
.note .rule{margin:0 .35rem;color:var(--link)} .note .at{color:var(--muted);font-size:.85rem;white-space:nowrap}
.msg{white-space:pre-line} .fix{margin-top:.2rem;font-size:.92rem} .fix .kind{color:var(--muted)}
.fix del,.fix ins{background:var(--card);padding:0 .2em} .fix ins{text-decoration:none;font-weight:600}
.empty{color:var(--muted);font-style:italic}
.none{padding:1rem 1.25rem;color:var(--muted)}
.clean ul{columns:2 22rem;margin:.5rem 0 0;padding-left:1.2rem}
.clean-file{font:13px ui-monospace,Menlo,Consolas,monospace;break-inside:avoid}
@media print{body{background:#fff;color:#000;font-size:11pt}main{max-width:none;padding:0}.toolbar{display:none}
.card{border:0;box-shadow:none}.file{break-before:page}.line,.note{break-inside:avoid}
a{color:inherit;text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# ES2017 at most, no modules, no eval, no innerHTML: it reads the page and toggles `hidden`,
# classes and `textContent`. Whole words of the search must all appear (any order, any case).
SCRIPT = """
(function () {
  "use strict";
  var d = document, root = d.documentElement, bar = d.getElementById("toolbar");
  if (!bar) return;
  root.classList.add("js");
  bar.hidden = false;
  var q = d.getElementById("q"), pick = d.getElementById("rule"), status = d.getElementById("status");
  var none = d.getElementById("none"), boxes = [].slice.call(bar.querySelectorAll("input[name=level]"));
  var files = [].slice.call(d.querySelectorAll("details.file")), notes = [], byId = {};
  files.forEach(function (file) {
    var path = file.getAttribute("data-path") || "";
    file.notes = [].slice.call(file.querySelectorAll("li.note")).map(function (li) {
      var quoted = [].slice.call(file.querySelectorAll("mark.hl")).filter(function (m) {
        return m.getAttribute("data-findings").split(" ").indexOf(li.id) >= 0;
      }).map(function (m) { return m.textContent; }).join(" ");
      var note = {li: li, rule: li.getAttribute("data-rule"), level: li.getAttribute("data-severity"),
                  hay: (path + "\\n" + li.textContent + "\\n" + quoted).toLowerCase(), on: true};
      notes.push(note);
      byId[li.id] = note;
      return note;
    });
  });
  var marks = [].slice.call(d.querySelectorAll("mark.hl"));
  var lines = [].slice.call(d.querySelectorAll(".line.has")), lists = [].slice.call(d.querySelectorAll("ol.notes"));

  function apply() {
    var levels = {}, rule = pick.value, words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    boxes.forEach(function (b) { levels[b.value] = b.checked; });
    var shown = 0, shownFiles = 0;
    notes.forEach(function (n) {
      n.on = !!levels[n.level] && (!rule || n.rule === rule) &&
        words.every(function (w) { return n.hay.indexOf(w) >= 0; });
      n.li.hidden = !n.on;
      shown += n.on ? 1 : 0;
    });
    files.forEach(function (file) {
      var on = file.notes.filter(function (n) { return n.on; }).length;
      file.hidden = on === 0;
      file.querySelector(".shown").textContent = on && on < file.notes.length ?
        on + " of " + file.notes.length + " shown" : "";
      shownFiles += on ? 1 : 0;
    });
    marks.forEach(function (m) {
      m.classList.toggle("off", !m.getAttribute("data-findings").split(" ").some(function (id) {
        return byId[id] && byId[id].on;
      }));
    });
    // A line whose findings are all filtered out loses its colour; an emptied list its room.
    lines.forEach(function (line) { line.classList.toggle("off", !line.querySelector("mark.hl:not(.off)")); });
    lists.forEach(function (list) { list.hidden = !list.querySelector("li.note:not([hidden])"); });
    status.textContent = "Showing " + shown + " of " + notes.length + " findings in " + shownFiles +
      " of " + files.length + (files.length === 1 ? " file." : " files.");
    none.hidden = shown > 0 || notes.length === 0;
    var only = boxes.filter(function (b) { return b.checked; });
    [].forEach.call(d.querySelectorAll(".pick[data-level]"), function (b) {
      b.setAttribute("aria-pressed", String(only.length === 1 && only[0].value === b.getAttribute("data-level")));
    });
    [].forEach.call(d.querySelectorAll(".pick[data-rule]"), function (b) {
      var on = b.getAttribute("data-rule") === rule;
      b.setAttribute("aria-pressed", String(on));
      b.closest("tr").classList.toggle("picked", on);
    });
  }

  function toFiles() { bar.scrollIntoView({block: "start"}); }
  d.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest(".pick") : null;
    if (!b) return;
    var level = b.getAttribute("data-level"), rule = b.getAttribute("data-rule");
    if (level) {
      var alone = b.getAttribute("aria-pressed") === "true";
      boxes.forEach(function (x) { x.checked = alone || x.value === level; });
    } else if (rule !== null) {
      pick.value = pick.value === rule ? "" : rule;
    }
    apply();
    toFiles();
  });
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  pick.addEventListener("change", apply);
  q.addEventListener("input", apply);
  q.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { q.value = ""; apply(); }
  });
  d.addEventListener("keydown", function (e) {
    var t = e.target.tagName;
    if (e.key === "/" && t !== "INPUT" && t !== "SELECT" && t !== "TEXTAREA" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      q.focus();
    }
  });
  function openAll(open) {
    files.forEach(function (f) { if (!f.hidden) f.open = open; });
  }
  d.getElementById("expand").addEventListener("click", function () { openAll(true); });
  d.getElementById("collapse").addEventListener("click", function () { openAll(false); });
  d.getElementById("reset").addEventListener("click", function () {
    q.value = "";
    pick.value = "";
    boxes.forEach(function (b) { b.checked = true; });
    apply();
  });
  // A link to a line or a note inside a closed file opens it (not every browser does).
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1)), el = id && d.getElementById(id);
    var file = el && el.closest ? el.closest("details.file") : null;
    if (file && !file.open) { file.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", function () { files.forEach(function (f) { f.open = true; }); });
  reveal();
  apply();
})();
"""
