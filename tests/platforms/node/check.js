// Reads {survey, answers: [{...}, ...]} as JSON on stdin; prints one JSON object:
// {jsonErrors, lintErrors, lintWarnings, visible: [[visible question names], ...]}.
// jsonErrors are survey-core's own parse errors; lintErrors come from its linter.
"use strict";
const Survey = require("survey-core");
const { lintSurvey } = require("survey-core/linter");

function describeJsonError(error) {
  return { type: error.type || error.constructor.name, message: error.message || String(error) };
}

function main(input) {
  const request = JSON.parse(input);
  const model = new Survey.Model(request.survey);
  const jsonErrors = (model.jsonErrors || []).map(describeJsonError);
  const findings = lintSurvey(request.survey).findings || [];
  const brief = (f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: f.message });
  const lintErrors = findings.filter((f) => f.severity === "error").map(brief);
  const lintWarnings = findings.filter((f) => f.severity !== "error").map(brief);
  const visible = (request.answers || []).map((answers) => {
    const run = new Survey.Model(request.survey);
    run.data = answers;
    return run.getAllQuestions(false).filter((q) => q.isVisible).map((q) => q.name);
  });
  process.stdout.write(JSON.stringify({ jsonErrors, lintErrors, lintWarnings, visible }));
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => main(input));
