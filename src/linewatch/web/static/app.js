/* linewatch charts: data comes only from <script type="application/json" id="chart-data">,
   parsed with JSON.parse; names are drawn on canvas and tooltips use richText mode,
   so no ingested text is ever interpreted as HTML. */
(function () {
  "use strict";
  var holder = document.getElementById("chart-data");
  if (!holder || typeof echarts === "undefined") { return; }
  var data;
  try { data = JSON.parse(holder.textContent); } catch (e) { return; }
  var FONT = '"Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
  var base = { textStyle: { fontFamily: FONT }, tooltip: { renderMode: "richText", confine: true }, animation: false };

  function merge(a, b) { var o = {}, k; for (k in a) { o[k] = a[k]; } for (k in b) { o[k] = b[k]; } return o; }
  function empty(el, text) { el.textContent = text; el.classList.add("empty"); el.style.height = "auto"; el.style.padding = "1rem"; }
  function go(el, option) {
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(merge(base, option));
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }
  function lines(el, d, stacked) {
    if (!d || !d.days || !d.days.length) { return empty(el, "No data in this window."); }
    go(el, {
      tooltip: { trigger: "axis", renderMode: "richText", confine: true },
      legend: { type: "scroll", top: 0 },
      grid: { left: 45, right: 20, top: 40, bottom: 60 },
      xAxis: { type: "category", data: d.days },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: [{ type: "slider", bottom: 8 }],
      series: d.series.map(function (s) { return { name: s.name, type: "bar", stack: stacked ? "all" : undefined, data: s.data, emphasis: { focus: "series" } }; })
    });
  }
  var draw = {
    "timeline-statements": function (el) { lines(el, data.statements, true); },
    "timeline-events": function (el) { if (!data.events) { return empty(el, "Events have no stance or narrative."); } lines(el, data.events, true); },
    "stance-matrix": function (el) {
      var m = data.matrix;
      if (!m || !m.cells.length) { return empty(el, "No statements with a speaker and a target in this window."); }
      var chart = go(el, {
        tooltip: { renderMode: "richText", confine: true, formatter: function (p) {
          var c = p.data; return m.holders[c[1]] + " → " + m.targets[c[0]] + "\nnet " + c[2] + " (" + c[4] + " support, " + c[5] + " oppose, " + c[3] + " in all)"; } },
        grid: { left: 170, right: 30, top: 20, bottom: 130 },
        xAxis: { type: "category", data: m.targets, axisLabel: { rotate: 40, interval: 0 } },
        yAxis: { type: "category", data: m.holders, axisLabel: { interval: 0, width: 160, overflow: "truncate" } },
        // a cell is [target, holder, net, total, support, oppose]: colour by net (dimension 2),
        // not by ECharts' default last column (the oppose count)
        visualMap: { dimension: 2, min: -1, max: 1, calculable: true, orient: "horizontal", left: "center", bottom: 0,
          inRange: { color: ["#c0392b", "#f4f4f4", "#1e8a4c"] }, text: ["support (net +1)", "oppose (net −1)"] },
        series: [{ type: "heatmap", data: m.cells, label: { show: true, formatter: function (p) { return p.data[3]; } } }]
      });
      chart.on("click", function (p) {
        var c = p.data; var q = new URLSearchParams({ actor: m.holders[c[1]], target: m.targets[c[0]], date_from: m.from, date_to: m.to });
        window.location.assign("/statements?" + q.toString());
      });
    },
    "narrative-trends": function (el) {
      var t = data.trends;
      if (!t || !t.weeks.length) { return empty(el, "No narrative matches in this window."); }
      var series = [];
      var palette = ["#1f5fbf", "#c0392b", "#1e8a4c", "#b8651b", "#7d3cbf", "#0e8a8a", "#a61e6a", "#5f6b7a", "#b89b00", "#3b3b98"];
      t.series.forEach(function (s, i) {
        // articles solid, unique stories dashed, same colour and one legend entry (same name)
        var color = palette[i % palette.length];
        series.push({ name: s.name, type: "line", data: s.articles, color: color, symbolSize: 5 });
        series.push({ name: s.name, type: "line", data: s.stories, color: color, lineStyle: { type: "dashed" }, symbol: "none" });
      });
      go(el, {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        legend: { type: "scroll", top: 0 },
        grid: { left: 45, right: 20, top: 40, bottom: 40 },
        xAxis: { type: "category", data: t.weeks, name: "week of" },
        yAxis: { type: "value", minInterval: 1 },
        series: series
      });
    },
    "network": function (el) {
      var n = data.network;
      if (!n || !n.edges.length) { return empty(el, "No accusations in this window."); }
      var max = Math.max.apply(null, n.nodes.map(function (x) { return x.value; }));
      go(el, {
        tooltip: { renderMode: "richText", confine: true, formatter: function (p) {
          return p.dataType === "edge" ? p.data.source + " → " + p.data.target + ": " + p.data.value : p.data.name + ": " + p.data.value; } },
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          force: { repulsion: 260, edgeLength: [80, 200] },
          label: { show: true, position: "right" },
          edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
          data: n.nodes.map(function (x) { return { name: x.name, value: x.value, symbolSize: 10 + 30 * x.value / max }; }),
          links: n.edges.map(function (e) { return { source: e.source, target: e.target, value: e.value, lineStyle: { width: 1 + Math.log(1 + e.value) * 1.5, curveness: 0.15, color: "#c0392b", opacity: 0.7 } }; })
        }]
      });
    },
    "scenario-history": function (el) {
      var h = data.history;
      if (!h || !h.dates.length) { return empty(el, "No scenario weights yet."); }
      go(el, {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        legend: { type: "scroll", top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: "time" },
        yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + "%"; } } },
        series: h.series.map(function (s) {
          return { name: s.name, type: "line", step: "end", showSymbol: false,
                   data: s.data.map(function (v, i) { return [h.dates[i], v]; }) };
        })
      });
    },
    "actor-stance": function (el) {
      var s = data.stance;
      if (!s || !s.months.length) { return empty(el, "No statements with a target."); }
      go(el, {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        legend: { type: "scroll", top: 0 },
        grid: { left: 45, right: 20, top: 40, bottom: 40 },
        xAxis: { type: "category", data: s.months, name: s.unit || "" },
        yAxis: { type: "value", min: -1, max: 1 },
        series: s.series.map(function (x) { return { name: x.name, type: "line", connectNulls: true, data: x.data }; })
      });
    }
  };
  var els = document.querySelectorAll("[data-chart]");
  for (var i = 0; i < els.length; i++) {
    var fn = draw[els[i].getAttribute("data-chart")];
    if (fn) { fn(els[i]); }
  }
})();
