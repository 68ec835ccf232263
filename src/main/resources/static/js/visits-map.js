// Draws each community at its centroid, coloured by the share of its households visited; a click opens its households.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('coverage-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  fetch(el.dataset.source, {headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.json(); })
    .then(function (points) {
      var chart = echarts.init(el);
      chart.setOption({
        // Names come from records: escaped before they are shown as HTML.
        tooltip: {formatter: function (p) {
          var html = echarts.format.encodeHTML;
          return html(p.value[3]) + '<br>' + html(el.dataset.coverage) + ' ' + p.value[2] + '%<br>'
            + html(el.dataset.households) + ' ' + p.value[5] + ' / ' + p.value[6];
        }},
        visualMap: {min: 0, max: 100, dimension: 2, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          inRange: {color: ['#d94e5d', '#eac736', '#50a3ba']}},
        grid: {left: 50, right: 20, top: 20, bottom: 70},
        xAxis: {type: 'value', scale: true, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        yAxis: {type: 'value', scale: true, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        series: [{type: 'scatter', symbolSize: 14,
          data: points.map(function (p) { return [p.longitude, p.latitude, p.coverage, p.name, p.code, p.visited, p.households]; })}]
      });
      chart.on('click', function (p) { window.location.href = '/visits/households?community=' + encodeURIComponent(p.value[4]); });
      window.addEventListener('resize', function () { chart.resize(); });
    });
});
