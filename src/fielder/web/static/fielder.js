/* fielder's respondent page: show/hide questions as the respondent answers (the server
   decides, with the same evaluator as on submit) and save progress in the background;
   size the embed's iframe and tell the host page when the survey is done. No framework. */
(function () {
  "use strict";
  var inFrame = window.parent !== window;
  function post(message) { if (inFrame) { window.parent.postMessage(message, "*"); } }
  function height() { post({ type: "fielder:resize", height: document.documentElement.getBoundingClientRect().height }); }

  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    if (body.dataset.completed) {
      post({ type: "fielder:completed", survey: body.dataset.survey, outcome: body.dataset.completed });
    }
    var summary = document.getElementById("summary");
    if (summary) { summary.focus(); }
    if (window.ResizeObserver) { new ResizeObserver(height).observe(document.documentElement); }
    height();

    var form = document.getElementById("survey");
    if (!form || !form.dataset.save) { return; }
    var timer = null, busy = false, again = false;

    function sums() {
      form.querySelectorAll(".sum").forEach(function (box) {
        var total = 0;
        box.querySelectorAll("input").forEach(function (i) { var n = parseFloat(i.value); if (!isNaN(n)) { total += n; } });
        var out = box.querySelector("output");
        if (out) { out.textContent = String(Math.round(total * 100) / 100); }
      });
    }

    function exclusive(target) {
      if (target.type !== "checkbox" || !target.checked) { return; }
      var group = form.querySelectorAll('input[type=checkbox][name="' + target.name + '"]');
      group.forEach(function (box) {
        if (box !== target && (target.dataset.exclusive || box.dataset.exclusive)) { box.checked = false; }
      });
    }

    function save() {
      if (busy) { again = true; return; }
      busy = true;
      var data = new FormData(form);
      fetch(form.dataset.save, { method: "POST", body: new URLSearchParams(data), credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer) { return; }
          var visible = {};
          answer.visible.forEach(function (id) { visible[id] = true; });
          form.querySelectorAll("section[data-q]").forEach(function (s) { s.hidden = !visible[s.dataset.q]; });
          form.elements.shown.value = answer.visible.join(" ");
          form.elements.state.value = answer.state;
          height();
        })
        .catch(function () { /* offline: the form post still carries everything */ })
        .then(function () { busy = false; if (again) { again = false; save(); } });
    }

    function changed(event) {
      exclusive(event.target);
      sums();
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; save(); }, event.type === "change" ? 50 : 400);
    }
    // A submit while a save is pending waits for it: the post then carries the saved state.
    var releasing = false;
    form.addEventListener("submit", function (event) {
      if (releasing || (!busy && timer === null)) { return; }
      event.preventDefault();
      var submitter = event.submitter || null;
      clearTimeout(timer);
      timer = null;
      var wait = function () {
        if (busy) { setTimeout(wait, 30); return; }
        releasing = true;
        if (form.requestSubmit) { form.requestSubmit(submitter); } else { form.submit(); }
      };
      if (!busy) { save(); }
      setTimeout(wait, 30);
    });
    form.addEventListener("change", changed);
    form.addEventListener("input", changed);
  });
})();
