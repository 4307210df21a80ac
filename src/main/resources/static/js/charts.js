// Draws every element with a data-chart attribute (JSON written by the server) with ECharts; a bar with a link
// in the chart's "links" opens the next level of the drill-down. No inline scripts: the CSP forbids them.
(function () {
  var LEVEL_COLORS = {
    VERY_SATISFIED: '#2e7d32', SATISFIED: '#66bb6a', BASIC: '#f9a825',
    DISSATISFIED: '#ef6c00', VERY_DISSATISFIED: '#c62828'
  };

  function levelsOverTime(spec) {
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: spec.x },
      yAxis: { type: 'value', minInterval: 1, name: '评价数' },
      series: spec.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'levels', data: s.data, itemStyle: { color: LEVEL_COLORS[s.level] } };
      })
    };
  }

  function pie(spec) {
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: spec.data, label: { formatter: '{b}\n{c}' } }]
    };
  }

  function bars(spec) {
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['有效评价数', '得分'] },
      grid: { left: 8, right: 40, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: spec.names, axisLabel: { interval: 0, rotate: spec.names.length > 4 ? 30 : 0 } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100 }],
      series: [
        { name: '有效评价数', type: 'bar', data: spec.counts, itemStyle: { color: '#c62828' },
          cursor: spec.links && spec.links.some(Boolean) ? 'pointer' : 'default' },
        { name: '得分', type: 'line', yAxisIndex: 1, data: spec.scores, itemStyle: { color: '#1565c0' } }
      ]
    };
  }

  var BUILDERS = { 'levels-time': levelsOverTime, pie: pie, bars: bars };

  function draw(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var build = BUILDERS[spec.kind];
    if (!build || !window.echarts) {
      return;
    }
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(build(spec));
    if (spec.links) {
      chart.on('click', function (p) {
        var url = spec.links[p.dataIndex];
        if (url) {
          window.location.href = url;
        }
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
