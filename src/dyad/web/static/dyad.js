// dyad web view: the dyad chart (plotly.js, served locally) and event anchors in an article.
(function () {
  "use strict";
  var NAMES = { q1: "Verbal cooperation", q2: "Material cooperation", q3: "Verbal conflict", q4: "Material conflict" };
  var COLOURS = { q1: "#86c99a", q2: "#2e8b57", q3: "#f2a65a", q4: "#c0392b" };

  function drawChart() {
    var el = document.getElementById("chart");
    var src = document.getElementById("chart-data");
    if (!el || !src) return;
    if (!window.Plotly) {
      el.textContent = "The chart needs /static/plotly.min.js, which did not load.";
      return;
    }
    var d = JSON.parse(src.textContent);
    var traces = ["q1", "q2", "q3", "q4"].map(function (k) {
      return { type: "bar", name: NAMES[k], x: d.label, y: d[k], marker: { color: COLOURS[k] },
               customdata: d.since, hovertemplate: "%{x}: %{y} " + NAMES[k].toLowerCase() + "<extra></extra>" };
    });
    traces.push({ type: "scatter", mode: "lines+markers", name: "Mean Goldstein", x: d.label, y: d.mean_goldstein,
                  yaxis: "y2", line: { color: "#111827", width: 2 }, marker: { size: 7 }, connectgaps: false,
                  customdata: d.since, hovertemplate: "%{x}: mean Goldstein %{y:+.2f}<extra></extra>" });
    var layout = {
      barmode: "stack", margin: { l: 50, r: 60, t: 20, b: 50 }, legend: { orientation: "h", y: -0.15, traceorder: "normal" },
      xaxis: { type: "category", title: { text: d.by } },
      yaxis: { title: { text: "events" }, rangemode: "tozero", dtick: Math.max.apply(null, d.events) <= 10 ? 1 : null },
      yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10.5, 10.5],
                tickvals: [-10, -5, 0, 5, 10], zeroline: true, zerolinecolor: "#9ca3af", showgrid: false }
    };
    Plotly.newPlot(el, traces, layout, { displaylogo: false, responsive: true }).then(function () {
      el.setAttribute("data-rendered", "true");
    });
    el.on("plotly_click", function (ev) {
      if (!ev.points || !ev.points.length) return;
      var params = new URLSearchParams(window.location.search);
      params.set("period", ev.points[0].customdata);
      params.set("by", d.by);
      window.location.href = window.location.pathname + "?" + params.toString() + "#events";
    });
  }

  function markEvent() {
    var m = /^#t(\d+)$/.exec(window.location.hash);
    var old = document.querySelectorAll(".hl-trigger.current");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("current");
    if (!m) return;
    var pieces = document.querySelectorAll('[data-ev~="' + m[1] + '"]');
    for (var j = 0; j < pieces.length; j++) pieces[j].classList.add("current");
  }

  drawChart();
  markEvent();
  window.addEventListener("hashchange", markEvent);
})();
