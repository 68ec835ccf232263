// The two-skins scatter: party building (x) against business (y), the diagonal drawn; a click opens the organ's explanation.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('two-skins-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var points = JSON.parse(el.dataset.points || '[]');
  var chart = echarts.init(el);
  var html = echarts.format.encodeHTML;
  chart.setOption({
    tooltip: {formatter: function (p) {
      return html(p.value[2]) + '<br>' + html(el.dataset.x) + ' ' + p.value[0] + '<br>' + html(el.dataset.y) + ' ' + p.value[1];
    }},
    grid: {left: 50, right: 20, top: 20, bottom: 50},
    xAxis: {type: 'value', min: 0, max: 100, name: el.dataset.x, nameLocation: 'middle', nameGap: 30},
    yAxis: {type: 'value', min: 0, max: 100, name: el.dataset.y, nameLocation: 'middle', nameGap: 35},
    series: [{type: 'scatter', symbolSize: 14,
      itemStyle: {color: function (p) { return p.value[4] ? '#c62828' : '#2e7d32'; }},
      data: points.map(function (p) { return [Number(p.x), Number(p.y), p.name, p.link, p.flagged]; }),
      markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#999'},
        data: [[{coord: [0, 0]}, {coord: [100, 100]}]]}}]
  });
  chart.on('click', function (p) {
    if (p.value && p.value[3]) {
      window.location.href = p.value[3];
    }
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
