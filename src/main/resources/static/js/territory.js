// Draws the community centroids, one colour per street, each point linking to its community.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('community-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  fetch(el.dataset.source, {headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.json(); })
    .then(function (points) {
      var byStreet = {};
      points.forEach(function (p) {
        (byStreet[p.street] = byStreet[p.street] || []).push([p.longitude, p.latitude, p.households, p.name, p.code]);
      });
      var chart = echarts.init(el);
      chart.setOption({
        // The tooltip is HTML: names come from records, so they are escaped before they are shown.
        tooltip: {formatter: function (p) {
          var html = echarts.format.encodeHTML;
          return html(p.value[3]) + '<br>' + html(p.seriesName) + '<br>' + html(el.dataset.households) + ' ' + html(String(p.value[2]));
        }},
        legend: {type: 'scroll', bottom: 0},
        grid: {left: 50, right: 20, top: 20, bottom: 60},
        xAxis: {type: 'value', scale: true, name: el.dataset.longitude, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        yAxis: {type: 'value', scale: true, name: el.dataset.latitude, axisLabel: {formatter: function (v) { return v.toFixed(3); }}},
        series: Object.keys(byStreet).map(function (street) {
          return {
            name: street, type: 'scatter', data: byStreet[street],
            symbolSize: function (v) { return Math.max(6, Math.sqrt(v[2]) / 4); }
          };
        })
      });
      chart.on('click', function (p) { window.location.href = '/communities/' + p.value[4]; });
      window.addEventListener('resize', function () { chart.resize(); });
    });
});
