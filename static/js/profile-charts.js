// Draws the profile's charts from the JSON the page carries (#profile-data). Every chart has a table beside
// it with the same figures, so nothing is lost without JavaScript or for screen readers.
(function () {
  "use strict";
  var source = document.getElementById("profile-data");
  if (!source || typeof Chart === "undefined") return;
  var profile = JSON.parse(source.textContent);
  var stageColours = ["#2458d6", "#1c7c43", "#a15c00", "#8a3ffc", "#b3261e", "#00758f"];
  var levelNames = ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"];
  var percent = function (share) { return Math.round(100 * share); };
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1d2430";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, config);
  }

  // Mastery per topic: one horizontal bar per topic, one dataset (colour) per stage.
  var topics = [];
  profile.stages.forEach(function (stage) { stage.topics.forEach(function (t) { topics.push(t.title); }); });
  draw("chart-topics", {
    type: "bar",
    data: {
      labels: topics,
      datasets: profile.stages.map(function (stage, i) {
        return {
          label: stage.title,
          backgroundColor: stageColours[i % stageColours.length],
          data: topics.map(function (title) {
            var t = stage.topics.find(function (x) { return x.title === title; });
            return t && t.mastery.level > 0 ? percent(t.mastery.score) : null;
          }),
          levels: topics.map(function (title) {
            var t = stage.topics.find(function (x) { return x.title === title; });
            return t ? t.mastery.level : 0;
          }),
          skipNull: true,
        };
      }),
    },
    options: {
      indexAxis: "y",
      scales: {
        x: { min: 0, max: 100, title: { display: true, text: "Mastery (%)" } },
        y: {
          stacked: true,
          ticks: {
            autoSkip: false,
            // Narrow screens: shorten long topic names (the table below has them in full).
            callback: function (value) {
              var label = this.getLabelForValue(value);
              return this.chart.width < 500 && label.length > 18 ? label.slice(0, 17) + "…" : label;
            },
          },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: function (ctx) {
              return ctx.dataset.label + ": " + ctx.parsed.x + "% (" + levelNames[ctx.dataset.levels[ctx.dataIndex]] + ")";
            },
          },
        },
      },
    },
  });

  // Progress per stage: mastery and coverage side by side.
  draw("chart-stages", {
    type: "bar",
    data: {
      labels: profile.stages.map(function (s) { return s.title; }),
      datasets: [
        { label: "Mastery (%)", backgroundColor: "#2458d6", data: profile.stages.map(function (s) { return percent(s.mastery.score); }) },
        { label: "Coverage (%)", backgroundColor: "#9db4ea", data: profile.stages.map(function (s) { return percent(s.mastery.coverage); }) },
      ],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  });

  // Solved by difficulty: solved, tried, not tried yet, stacked.
  draw("chart-difficulty", {
    type: "bar",
    data: {
      labels: profile.by_difficulty.map(function (d) { return d.label; }),
      datasets: [
        { label: "Solved", backgroundColor: "#1c7c43", data: profile.by_difficulty.map(function (d) { return d.solved; }) },
        { label: "Tried, not solved", backgroundColor: "#e0a53b", data: profile.by_difficulty.map(function (d) { return d.tried; }) },
        { label: "Not tried", backgroundColor: "#dde1e7", data: profile.by_difficulty.map(function (d) { return d.total - d.solved - d.tried; }) },
      ],
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "Questions" } } } },
  });

  // Activity: answers and submissions per week.
  draw("chart-activity", {
    type: "bar",
    data: {
      labels: profile.activity.map(function (w) {
        return new Date(w.week_start + "T00:00:00Z").toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
      }),
      datasets: [{ label: "Answers and submissions", backgroundColor: "#2458d6", data: profile.activity.map(function (w) { return w.results; }) }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
