// The service network on a plain longitude/latitude plane (no map tiles): centres coloured by level, today's
// temporary points apart; each dot opens its page.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('network-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var order = ['DISTRICT', 'STREET', 'COMMUNITY', 'STATION', 'POINT'];
  var names = {DISTRICT: el.dataset.district, STREET: el.dataset.street, COMMUNITY: el.dataset.community,
    STATION: el.dataset.station, POINT: el.dataset.point};
  var sizes = {DISTRICT: 22, STREET: 14, COMMUNITY: 8, STATION: 7, POINT: 7};
  var colours = {DISTRICT: '#b71c1c', STREET: '#e65100', COMMUNITY: '#1565c0', STATION: '#2e7d32', POINT: '#6a1b9a'};
  fetch(el.dataset.source, {headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.json(); })
    .then(function (dots) {
      var bySeries = {};
      dots.forEach(function (d) {
        (bySeries[d.series] = bySeries[d.series] || []).push([d.longitude, d.latitude, d.name, d.link]);
      });
      var chart = echarts.init(el);
      chart.setOption({
        // Names come from records: escaped before they are shown.
        tooltip: {formatter: function (p) { return echarts.format.encodeHTML(p.value[2]) + '<br>' + echarts.format.encodeHTML(p.seriesName); }},
        legend: {type: 'scroll', bottom: 0},
        grid: {left: 50, right: 20, top: 20, bottom: 60},
        xAxis: {type: 'value', scale: true, name: el.dataset.longitude, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        yAxis: {type: 'value', scale: true, name: el.dataset.latitude, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        series: order.filter(function (s) { return bySeries[s]; }).map(function (s) {
          return {name: names[s], type: 'scatter', data: bySeries[s], symbolSize: sizes[s], itemStyle: {color: colours[s]},
            symbol: s === 'POINT' ? 'triangle' : 'circle'};
        })
      });
      chart.on('click', function (p) {
        // Only the platform's own pages: a link is a path that starts with /network/.
        if (typeof p.value[3] === 'string' && p.value[3].indexOf('/network/') === 0) {
          window.location.href = p.value[3];
        }
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
});
