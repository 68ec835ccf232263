// The command dashboard and its wall screen: every panel is fetched from /dashboard/data (the answers of
// /api/v1/dashboard, with the page session) and every bar, point and tile leads to the list of the records it counts.
// The wall screen fetches again every data-refresh seconds.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('dashboard');
    if (!root) {
      return;
    }
    var api = root.dataset.api;
    var texts = document.getElementById('dashboard-texts').dataset;
    var wall = root.classList.contains('wall');
    var charts = {};
    var measure = 'openCalls';

    function get(path) {
      return fetch(api + path, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) {
          if (!r.ok) {
            throw new Error(path + ': ' + r.status);
          }
          return r.json();
        });
    }

    function chart(id) {
      var el = document.getElementById(id);
      if (!el || typeof echarts === 'undefined') {
        return null;
      }
      if (!charts[id]) {
        charts[id] = echarts.init(el, wall ? 'dark' : null);
        charts[id].on('click', function (p) {
          var links = charts[id].links || [];
          var series = links[p.seriesIndex] || [];
          if (series[p.dataIndex]) {
            window.location.href = series[p.dataIndex];
          }
        });
      }
      return charts[id];
    }

    /** Draws a chart; links[s][i] is where a click on item i of series s goes. */
    function draw(id, option, links) {
      var c = chart(id);
      if (!c) {
        return;
      }
      if (wall) {
        // The wall refreshes itself every minute: its charts change without replaying their entrance each time.
        option.animation = false;
        option.backgroundColor = 'transparent';
        option.textStyle = {fontSize: 16};
      }
      c.links = links;
      // Ready once drawn and animated: a bar is where a click finds it only then.
      c.off('finished');
      c.on('finished', function () {
        c.getDom().dataset.ready = 'true';
      });
      c.setOption(option, true);
    }

    function el(tag, className, text) {
      var e = document.createElement(tag);
      if (className) {
        e.className = className;
      }
      if (text !== undefined && text !== null) {
        e.textContent = text;
      }
      return e;
    }

    function tile(label, count, id) {
      var a = el('a', 'figure');
      a.href = count.link;
      a.id = id;
      a.appendChild(el('span', 'value', String(count.count)));
      a.appendChild(el('span', 'label', label));
      return a;
    }

    function today() {
      return get('/today').then(function (t) {
        var tiles = document.getElementById('today');
        tiles.replaceChildren(tile(texts.raised, t.raised, 'today-raised'), tile(texts.urgent, t.urgent, 'today-urgent'),
          tile(texts.replied, t.replied, 'today-replied'), tile(texts.overdue, t.overdue, 'today-overdue'));
        var states = document.getElementById('today-states');
        states.replaceChildren.apply(states, t.byState.map(function (s) {
          var label = texts['state' + s.state.charAt(0) + s.state.substring(1).toLowerCase()] || s.label;
          var a = el('a', 'state state-' + s.state, label + ' ' + s.count);
          a.href = s.link;
          return a;
        }));
      });
    }

    function overdue() {
      return get('/overdue-by-organ').then(function (o) {
        var items = o.items;
        var list = document.getElementById('overdue-links');
        list.replaceChildren.apply(list, items.map(function (i) {
          var li = el('li');
          var a = el('a', null, i.organName + ' ' + i.count);
          a.href = i.link;
          a.dataset.organ = i.organCode;
          li.appendChild(a);
          return li;
        }));
        if (items.length === 0) {
          list.replaceChildren(el('li', 'muted', texts.none));
        }
        draw('overdue-chart', {
          tooltip: {trigger: 'axis', renderMode: 'richText', axisPointer: {type: 'shadow'}},
          grid: {left: 8, right: 24, top: 8, bottom: 8, containLabel: true},
          xAxis: {type: 'value', minInterval: 1},
          yAxis: {type: 'category', inverse: true, data: items.map(function (i) { return i.organName; }),
            axisLabel: {width: 110, overflow: 'truncate'}},
          series: [{type: 'bar', name: texts.overdue, itemStyle: {color: '#d94e5d'},
            data: items.map(function (i) { return {value: i.count, organ: i.organCode}; })}]
        }, [items.map(function (i) { return i.link; })]);
      });
    }

    function communities() {
      return get('/communities?measure=' + measure).then(function (m) {
        var coverage = m.measure === 'visitCoverage';
        var counted = m.items.filter(function (p) { return p.value !== null; });
        var blank = m.items.filter(function (p) { return p.value === null; });
        var max = coverage ? 100 : Math.max(1, Math.max.apply(null, counted.map(function (p) { return p.value; }).concat([0])));
        var point = function (p) { return [p.longitude, p.latitude, p.value === null ? 0 : p.value, p.name, p.street]; };
        draw('community-chart', {
          // Drawn on the canvas: an HTML tooltip would carry inline styles, which the Content-Security-Policy refuses.
          tooltip: {renderMode: 'richText', formatter: function (p) {
            var value = p.seriesIndex === 0 ? p.value[2] + (coverage ? '%' : '') : '—';
            return p.value[3] + '（' + p.value[4] + '）\n' + (coverage ? texts.coverage : texts.openCalls) + ' ' + value;
          }},
          visualMap: {min: 0, max: max, dimension: 2, seriesIndex: 0, calculable: true, orient: 'horizontal', left: 'center',
            bottom: 0, inRange: {color: coverage ? ['#d94e5d', '#eac736', '#50a3ba'] : ['#50a3ba', '#eac736', '#d94e5d']}},
          grid: {left: 50, right: 20, top: 16, bottom: 70},
          xAxis: {type: 'value', scale: true, axisLabel: {formatter: function (v) { return v.toFixed(2); }}},
          yAxis: {type: 'value', scale: true, axisLabel: {formatter: function (v) { return v.toFixed(2); }}},
          series: [{type: 'scatter', symbolSize: wall ? 16 : 12, data: counted.map(point)},
            {type: 'scatter', symbolSize: wall ? 12 : 9, itemStyle: {color: '#9aa4b2'}, data: blank.map(point)}]
        }, [counted.map(function (p) { return p.link; }), blank.map(function (p) { return p.link; })]);
      });
    }

    function rankings() {
      return get('/rankings').then(function (r) {
        document.getElementById('rankings-year').textContent = String(r.year);
        document.getElementById('rankings-none').hidden = r.items.length > 0;
        var body = document.querySelector('#rankings tbody');
        body.replaceChildren.apply(body, r.items.map(function (i) {
          var tr = el('tr');
          tr.appendChild(el('td', 'num', String(i.rank)));
          var name = el('td');
          var a = el('a', null, i.organName);
          a.href = i.link;
          name.appendChild(a);
          tr.appendChild(name);
          tr.appendChild(el('td', 'num', String(i.total)));
          tr.appendChild(el('td', 'grade-' + i.grade, i.gradeLabel + (i.vetoed ? '（' + texts.vetoed + '）' : '')));
          return tr;
        }));
      });
    }

    function trends() {
      return get('/trends').then(function (t) {
        var days = t.calls.map(function (d) { return d.day.substring(5); });
        draw('calls-trend', {
          tooltip: {trigger: 'axis', renderMode: 'richText'},
          legend: {data: [texts.closed, texts.open], top: 0},
          grid: {left: 8, right: 16, top: 30, bottom: 8, containLabel: true},
          xAxis: {type: 'category', data: days},
          yAxis: {type: 'value', minInterval: 1},
          series: [
            {type: 'bar', stack: 'raised', name: texts.closed, itemStyle: {color: '#50a3ba'},
              data: t.calls.map(function (d) { return d.closed.count; })},
            {type: 'bar', stack: 'raised', name: texts.open, itemStyle: {color: '#eac736'},
              data: t.calls.map(function (d) { return d.open.count; })}]
        }, [t.calls.map(function (d) { return d.closed.link; }), t.calls.map(function (d) { return d.open.link; })]);
        var months = t.visits.map(function (m) { return m.monthOfYear + texts.month; });
        draw('work-trend', {
          tooltip: {trigger: 'axis', renderMode: 'richText'},
          legend: {data: [texts.visits, texts.meetings], top: 0},
          grid: {left: 8, right: 16, top: 30, bottom: 8, containLabel: true},
          xAxis: {type: 'category', data: months},
          yAxis: {type: 'value', minInterval: 1},
          series: [
            {type: 'bar', name: texts.visits, itemStyle: {color: '#5b8ff9'}, data: t.visits.map(function (m) { return m.count; })},
            {type: 'bar', name: texts.meetings, itemStyle: {color: '#b3261e'}, data: t.meetings.map(function (m) { return m.count; })}]
        }, [t.visits.map(function (m) { return m.link; }), t.meetings.map(function (m) { return m.link; })]);
      });
    }

    function refresh() {
      return Promise.all([today(), overdue(), communities(), rankings(), trends()]).then(function () {
        root.dataset.loaded = String(Date.now());
        var stamp = document.getElementById('updated-at');
        if (stamp) {
          stamp.textContent = new Date().toLocaleTimeString();
        }
      }).catch(function (e) {
        root.dataset.failed = String(e);
      });
    }

    document.querySelectorAll('[data-measure]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        measure = a.dataset.measure;
        document.querySelectorAll('[data-measure]').forEach(function (b) { b.classList.toggle('on', b === a); });
        communities();
      });
    });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
    refresh();
    var every = parseInt(root.dataset.refresh, 10);
    if (every > 0) {
      window.setInterval(refresh, every * 1000);
    }
  });
})();
