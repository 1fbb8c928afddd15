/* Draws the report's charts from the embedded #report-data with ECharts (inlined above).
   Times on every x axis are seconds after the run's start. The three time charts share one
   zoom. Links to #cp-<id> zoom the timeline to that checkpoint and outline it. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var css = getComputedStyle(document.documentElement);
  function colour(name) { return css.getPropertyValue('--' + name).trim(); }
  var STATUS = { committed: colour('committed'), aborted: colour('aborted'), pending: colour('pending') };
  var FAULT = colour('fault'), RESTORE = colour('restore'), INK = colour('ink'), MUTED = colour('muted');
  var charts = [], rendered = [];
  var selected = { checkpoint: null, node: null };
  var flagged = {};
  data.anomalyCheckpoints.forEach(function (id) { flagged[id] = true; });

  function secs(v) { return (Math.round(v * 1000) / 1000).toFixed(v < 10 ? 2 : 1) + ' s'; }
  function ms(v) { return v >= 10000 ? (v / 1000).toFixed(2) + ' s' : Math.round(v) + ' ms'; }
  // The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above v, so an axis
  // ending there gets round ticks.
  function nice(v) {
    if (!(v > 0)) { return 1; }
    var step = Math.pow(10, Math.floor(Math.log10(v)));
    var m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(function (f) { return f * step >= v; });
    return m * step;
  }
  // A note in the middle of a chart that has nothing to draw.
  function nothing(when, text) {
    return when ? [{ type: 'text', left: 'center', top: 'middle', style: { text: text, fill: MUTED, font: '14px sans-serif' } }] : [];
  }
  function laneName(lane) { return lane === '(checkpoint)' ? 'checkpoint' : lane; }

  function init(id) {
    var chart = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    charts.push(chart);
    return chart;
  }

  function timeAxis() {
    return { type: 'value', min: 0, max: data.duration > 0 ? data.duration : 1, name: 's', nameGap: 6,
             axisLabel: { formatter: function (v) { return v + ''; }, color: MUTED },
             splitLine: { lineStyle: { color: '#eef1f4' } } };
  }

  function zoom() {
    return [{ type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 16, bottom: 6, showDetail: false },
            { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' }];
  }

  // Fault intervals as shaded bands, labelled with kind and targets.
  // Their labels sit above the plot, where they cannot hide a bar.
  function faultBands() {
    return { silent: false, itemStyle: { color: 'rgba(240,160,32,0.16)', borderColor: 'rgba(240,160,32,0.55)', borderWidth: 1 },
      label: { color: '#8a5a00', fontSize: 11, position: 'top', distance: 2 },
      data: data.faults.map(function (f) {
        return [{ name: f.kind + (f.targets ? ' ' + f.targets : '') + (f.healed ? '' : ' (never healed)'), xAxis: f.start },
                { xAxis: Math.max(f.end, f.start + 0.001) }];
      }) };
  }

  function restoreLines() {
    return { silent: true, symbol: 'none', lineStyle: { color: RESTORE, type: 'dashed', width: 1.2 },
      label: { show: false },
      data: data.episodes.map(function (e) { return { xAxis: e.finished }; }) };
  }

  // ---- the checkpoint timeline -------------------------------------------------------------
  var lanes = data.lanes;
  var spanRows = data.spans.map(function (s) {
    return [lanes.indexOf(s.node), s.start, s.ack === undefined ? -1 : s.ack, s.end, s.checkpoint, s.status, s.node];
  });

  function renderSpan(params, api) {
    var lane = api.value(0), start = api.value(1), ack = api.value(2), end = api.value(3);
    var id = api.value(4), status = spanRows[params.dataIndex][5], node = spanRows[params.dataIndex][6];
    var band = api.size([0, 1])[1];
    var height = Math.max(4, band * (lane === 0 ? 0.56 : 0.44));
    var y = api.coord([start, lane])[1] - height / 2;
    var x0 = api.coord([start, lane])[0], x1 = api.coord([end, lane])[0];
    var xa = ack >= 0 ? api.coord([ack, lane])[0] : x0;
    var clip = { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height };
    var fill = STATUS[status] || STATUS.pending;
    var isSelected = selected.checkpoint === id || (selected.node !== null && selected.node === node);
    var children = [];
    var faint = echarts.graphic.clipRectByRect({ x: xa, y: y + height * 0.2, width: Math.max(1, x1 - xa), height: height * 0.6 }, clip);
    if (faint) { children.push({ type: 'rect', shape: faint, style: { fill: fill, opacity: 0.35 } }); }
    if (ack >= 0) {
      var solid = echarts.graphic.clipRectByRect({ x: x0, y: y, width: Math.max(2, xa - x0), height: height }, clip);
      if (solid) { children.push({ type: 'rect', shape: solid, style: { fill: fill } }); }
    }
    var outline = echarts.graphic.clipRectByRect({ x: x0 - 1, y: y - 1, width: Math.max(3, x1 - x0) + 2, height: height + 2 }, clip);
    if (outline && (isSelected || flagged[id])) {
      children.push({ type: 'rect', shape: outline, style: { fill: 'none', stroke: isSelected ? '#111' : INK,
        lineWidth: isSelected ? 2.5 : 1.5, lineDash: isSelected ? null : [3, 2] } });
    }
    if (lane === 0 && x1 - x0 > 18 && outline) {
      children.push({ type: 'text', style: { text: String(id), x: x0 + 3, y: y - 2, fill: MUTED, font: '10px sans-serif',
        textVerticalAlign: 'bottom' } });
    }
    return { type: 'group', children: children };
  }

  function spanTooltip(p) {
    if (p.seriesId === 'restores') {
      return '↺ <b>' + p.value[3] + '</b> restored ' + (p.value[2] > 0 ? 'from checkpoint ' + p.value[2] : 'from the empty state')
        + ' at ' + secs(p.value[0]);
    }
    if (p.seriesId !== 'spans') { return p.name; }
    var r = spanRows[p.dataIndex];
    var text = '<b>checkpoint ' + r[4] + '</b> · ' + laneName(r[6]) + ' · ' + r[5] + '<br>began ' + secs(r[1]);
    if (r[2] >= 0) { text += '<br>' + (r[6] === '(checkpoint)' ? 'all acks ' : 'acknowledged ') + secs(r[2]) + ' (+' + ms((r[2] - r[1]) * 1000) + ')'; }
    return text + '<br>' + (r[5] === 'pending' ? 'last seen ' : r[5] + ' ') + secs(r[3]) + ' (+' + ms((r[3] - r[1]) * 1000) + ')';
  }

  var timeline = init('chart-timeline');
  document.getElementById('chart-timeline').style.height = Math.max(260, 70 + lanes.length * 38) + 'px';
  timeline.resize();
  timeline.setOption({
    animation: false,
    grid: { left: 110, right: 24, top: 40, bottom: 44 },
    tooltip: { trigger: 'item', formatter: spanTooltip },
    graphic: nothing(!data.spans.length, 'No checkpoint was seen'),
    xAxis: timeAxis(),
    yAxis: { type: 'category', data: lanes.map(laneName), inverse: true,
             axisLabel: { color: INK, fontWeight: 500 }, splitLine: { show: true, lineStyle: { color: '#eef1f4' } },
             axisTick: { show: false } },
    dataZoom: zoom(),
    series: [
      { id: 'spans', type: 'custom', renderItem: renderSpan, encode: { x: [1, 2, 3], y: 0 }, data: spanRows,
        clip: true, markArea: faultBands(), markLine: restoreLines() },
      { id: 'restores', type: 'scatter', symbol: 'triangle', symbolRotate: 180, symbolSize: 11, z: 5,
        itemStyle: { color: RESTORE },
        label: { show: true, position: 'right', color: RESTORE, fontSize: 10,
                 formatter: function (p) { return p.value[2] > 0 ? String(p.value[2]) : '∅'; } },
        data: data.restores.map(function (r) {
          return [r.time, lanes.indexOf(r.node), r.checkpoint === undefined ? 0 : r.checkpoint, r.node];
        }) }
    ]
  });
  rendered.push('timeline');

  // ---- throughput and latency ----------------------------------------------------------------
  var perSecond = 1000 / data.series.bucketMs;
  var rows = data.series.buckets;
  function rate(i) { return rows.map(function (b) { return [b[0], Math.round(b[i] * perSecond * 100) / 100]; }); }
  function latency(i) { return rows.map(function (b) { return [b[0], b[1] + b[2] + b[3] > 0 ? b[i] : null]; }); }

  var throughput = init('chart-throughput');
  throughput.setOption({
    animation: false,
    graphic: nothing(!data.operations, 'No client operation completed'),
    title: { text: 'Throughput (operations/s)', left: 0, textStyle: { fontSize: 13, color: MUTED, fontWeight: 600 } },
    grid: { left: 60, right: 24, top: 52, bottom: 44 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: timeAxis(),
    yAxis: { type: 'value', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: '#eef1f4' } } },
    dataZoom: zoom(),
    series: [
      { name: 'ok', type: 'bar', stack: 'ops', data: rate(1), itemStyle: { color: STATUS.committed }, barCategoryGap: '10%',
        markArea: faultBands(), markLine: restoreLines() },
      { name: 'fail', type: 'bar', stack: 'ops', data: rate(2), itemStyle: { color: '#e8a33d' } },
      { name: 'info', type: 'bar', stack: 'ops', data: rate(3), itemStyle: { color: STATUS.aborted } }
    ]
  });
  rendered.push('throughput');

  var latencyChart = init('chart-latency');
  latencyChart.setOption({
    animation: false,
    graphic: nothing(!data.operations, 'No client operation completed'),
    title: { text: 'Latency (ms)', left: 0, textStyle: { fontSize: 13, color: MUTED, fontWeight: 600 } },
    grid: { left: 60, right: 24, top: 52, bottom: 44 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + ' ms'; } },
    xAxis: timeAxis(),
    yAxis: { type: 'value', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: '#eef1f4' } } },
    dataZoom: zoom(),
    series: [
      { name: 'p50', type: 'line', showSymbol: false, data: latency(4), lineStyle: { width: 1.6 }, itemStyle: { color: '#2563eb' },
        markArea: faultBands(), markLine: restoreLines() },
      { name: 'p95', type: 'line', showSymbol: false, data: latency(5), lineStyle: { width: 1.4 }, itemStyle: { color: '#7b4fd6' } },
      { name: 'max', type: 'line', showSymbol: false, data: latency(6), lineStyle: { width: 1, type: 'dotted' }, itemStyle: { color: '#9aa5b1' } }
    ]
  });
  rendered.push('latency');

  timeline.group = throughput.group = latencyChart.group = 'time';
  echarts.connect('time');

  // ---- recovery against the model, and checkpoint cost ----------------------------------------
  var recovery = init('chart-recovery');
  var episodeNames = data.episodes.map(function (e, i) {
    return '#' + (i + 1) + (e.checkpoint === undefined ? ' ∅' : ' cp ' + e.checkpoint);
  });
  recovery.setOption({
    animation: false,
    grid: { left: 64, right: 96, top: 36, bottom: 30 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return ms(v); } },
    xAxis: { type: 'category', data: episodeNames, axisLabel: { color: MUTED } },
    yAxis: { type: 'value', name: 'ms', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: '#eef1f4' } },
             max: function (v) { return nice(Math.max(v.max, data.recovery.modelMs) * 1.1); } },
    series: [
      { name: 'lost work (since the cut)', type: 'bar', stack: 'r', barMaxWidth: 48, itemStyle: { color: '#f0b44c' },
        data: data.episodes.map(function (e) { return e.lostWorkMs; }),
        markLine: data.recovery.modelMs > 0 ? { symbol: 'none', lineStyle: { color: INK, type: 'dashed' },
          label: { formatter: 'model ' + ms(data.recovery.modelMs), position: 'end', color: INK },
          data: [{ yAxis: data.recovery.modelMs }] } : undefined },
      { name: 'restore', type: 'bar', stack: 'r', barMaxWidth: 48, itemStyle: { color: RESTORE },
        data: data.episodes.map(function (e) { return e.restoreMs; }) }
    ],
    graphic: nothing(!data.episodes.length, 'No restore in this run')
  });
  rendered.push('recovery');

  var durations = init('chart-durations');
  durations.setOption({
    animation: false,
    grid: { left: 64, right: 96, top: 36, bottom: 30 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return ms(v); } },
    xAxis: { type: 'category', data: data.durations.map(function (d) { return String(d[0]); }), axisLabel: { color: MUTED } },
    yAxis: { type: 'value', name: 'ms', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: '#eef1f4' } } },
    series: [
      { name: 'trigger → all acks', type: 'bar', stack: 'd', barMaxWidth: 28, itemStyle: { color: '#5b8def' },
        data: data.durations.map(function (d) { return d[1]; }),
        markLine: data.recovery.checkpointCostMs > 0 ? { symbol: 'none', lineStyle: { color: INK, type: 'dashed' },
          label: { formatter: 'C = ' + ms(data.recovery.checkpointCostMs), position: 'end', color: INK },
          data: [{ yAxis: data.recovery.checkpointCostMs }] } : undefined },
      { name: 'all acks → commit', type: 'bar', stack: 'd', barMaxWidth: 28, itemStyle: { color: STATUS.committed },
        data: data.durations.map(function (d) { return d[2]; }) }
    ],
    graphic: nothing(!data.durations.length, 'No committed checkpoint')
  });
  rendered.push('durations');

  // ---- links into the timeline ------------------------------------------------------------------
  function redraw() { timeline.setOption({ series: [{ id: 'spans', data: spanRows }] }); }

  function showCheckpoint(id) {
    var mine = data.spans.filter(function (s) { return s.checkpoint === id; });
    if (!mine.length) { return false; }
    var from = Math.min.apply(null, mine.map(function (s) { return s.start; }));
    var to = Math.max.apply(null, mine.map(function (s) { return s.end; }));
    var pad = Math.max((to - from) * 1.5, 0.5);
    selected.checkpoint = id; selected.node = null;
    redraw();
    timeline.dispatchAction({ type: 'dataZoom', startValue: Math.max(0, from - pad), endValue: Math.min(data.duration, to + pad) });
    document.querySelectorAll('tr.selected').forEach(function (tr) { tr.classList.remove('selected'); });
    var row = document.getElementById('cp-' + id);
    if (row) { row.classList.add('selected'); }
    return true;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.to-checkpoint, a.to-node');
    if (!link) { return; }
    event.preventDefault();
    if (link.classList.contains('to-checkpoint')) {
      showCheckpoint(Number(link.dataset.checkpoint));
      history.replaceState(null, '', '#cp-' + link.dataset.checkpoint);
    } else {
      selected.node = link.dataset.node; selected.checkpoint = null;
      redraw();
    }
    document.getElementById('timeline').scrollIntoView({ behavior: 'smooth' });
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  var hash = /^#cp-(\d+)$/.exec(location.hash);
  if (hash && showCheckpoint(Number(hash[1]))) { document.getElementById('timeline').scrollIntoView(); }
  document.body.setAttribute('data-rendered', rendered.join(' '));
})();
