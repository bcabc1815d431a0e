/* fielder embed: <script src="https://fielder.example/embed.js" data-survey="slug"></script>
   renders the survey in an iframe that follows its content's height; the survey posts
   {type: "fielder:completed"} to this page when the respondent finishes. */
(function () {
  "use strict";
  var origin = "__FIELDER_ORIGIN__";
  var script = document.currentScript;
  if (!script || !script.dataset.survey) { return; }
  var frame = document.createElement("iframe");
  var query = [];
  ["lang", "src"].forEach(function (key) {
    if (script.dataset[key]) { query.push(key + "=" + encodeURIComponent(script.dataset[key])); }
  });
  frame.src = origin + "/s/" + encodeURIComponent(script.dataset.survey) + (query.length ? "?" + query.join("&") : "");
  frame.title = script.dataset.title || "Survey";
  frame.setAttribute("loading", "lazy");
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.minHeight = "200px";
  frame.style.height = "480px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin || !event.data) { return; }
    if (event.data.type === "fielder:resize" && typeof event.data.height === "number") {
      frame.style.height = Math.max(200, Math.ceil(event.data.height)) + "px";
    } else if (event.data.type === "fielder:completed") {
      script.dispatchEvent(new CustomEvent("fielder:completed", { bubbles: true, detail: event.data }));
    }
  });
})();
