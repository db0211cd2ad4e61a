// The actor network, drawn with the plotly.js served by dyad (no CDN). Node positions come from the
// server (a force-directed layout); each pair is a line coloured by its mean Goldstein score.
(function () {
  "use strict";
  var el = document.getElementById("network");
  var src = document.getElementById("network-data");
  if (!el || !src) return;
  if (!window.Plotly) { el.textContent = "The network needs /static/plotly.min.js, which did not load."; return; }
  var net = JSON.parse(src.textContent);
  // the same diverging scale as the map: orange-brown for conflict, grey at 0, blue for cooperation
  var STOPS = [[-10, [166, 61, 0]], [0, [160, 160, 160]], [10, [0, 90, 160]]];
  function colour(g) {
    g = Math.max(-10, Math.min(10, g || 0));
    var lo = g < 0 ? STOPS[0] : STOPS[1], hi = g < 0 ? STOPS[1] : STOPS[2];
    var t = (g - lo[0]) / (hi[0] - lo[0]);
    var c = [0, 1, 2].map(function (i) { return Math.round(lo[1][i] + t * (hi[1][i] - lo[1][i])); });
    return "rgb(" + c.join(",") + ")";
  }
  var pos = {};
  net.nodes.forEach(function (n) { pos[n.code] = n; });
  var peak = Math.max.apply(null, net.edges.map(function (e) { return e.events; }));
  var traces = net.edges.map(function (e) {
    var a = pos[e.a], b = pos[e.b];
    return { type: "scatter", mode: "lines", x: [a.x, b.x], y: [a.y, b.y], hoverinfo: "text",
             text: e.a + " – " + e.b + ": " + e.events + " events, mean Goldstein " + e.mean_goldstein.toFixed(2),
             line: { color: colour(e.mean_goldstein), width: 1.5 + 8 * Math.sqrt(e.events / peak) }, showlegend: false };
  });
  var npeak = Math.max.apply(null, net.nodes.map(function (n) { return n.events; }));
  traces.push({ type: "scatter", mode: "markers+text", x: net.nodes.map(function (n) { return n.x; }),
                y: net.nodes.map(function (n) { return n.y; }), text: net.nodes.map(function (n) { return n.code; }),
                textposition: "top center", hovertext: net.nodes.map(function (n) { return n.name + ": " + n.events + " events"; }),
                hoverinfo: "text", showlegend: false,
                marker: { size: net.nodes.map(function (n) { return 10 + 22 * Math.sqrt(n.events / npeak); }),
                          color: "#ffffff", line: { color: "#1f2937", width: 1.5 } } });
  // an invisible trace that carries the colour scale, so the chart shows its key
  traces.push({ type: "scatter", mode: "markers", x: [null], y: [null], showlegend: false, hoverinfo: "skip",
                marker: { color: [0], cmin: -10, cmax: 10, showscale: true,
                          colorscale: [[0, colour(-10)], [0.5, colour(0)], [1, colour(10)]],
                          colorbar: { title: { text: "mean Goldstein" }, thickness: 12, len: 0.8 } } });
  var layout = { margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest", dragmode: "pan",
                 xaxis: { visible: false, range: [-1.25, 1.25] }, yaxis: { visible: false, range: [-1.2, 1.25] } };
  // a read-only, local tool: no link to plotly's site, no "edit in Chart Studio", no sending data anywhere
  var config = { responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
                 showLink: false, modeBarButtonsToRemove: ["sendDataToCloud", "editInChartStudio", "select2d", "lasso2d"] };
  Plotly.newPlot(el, traces, layout, config).then(function () { el.setAttribute("data-rendered", "true"); });
})();
