// The statistics page's charts (docs/decisions/charts.md). Each chart is drawn from the table beside it, which stays
// the accessible version of the same figures; without JavaScript the tables alone are shown. A cell shown as "<5"
// has no count in the page at all, so its bar is left out and its label carries the table's "<5": a chart can reveal
// nothing that the table does not.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.Chart) { return; }
  var page = document.querySelector('.statistics');
  if (!page) { return; }
  var axisLabel = page.getAttribute('data-axis-label');
  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table) { return; }
    var labels = [];
    var counts = [];
    table.querySelectorAll('tbody tr[data-label]').forEach(function (row) {
      var count = row.getAttribute('data-count');
      var shown = row.querySelector('td.num').textContent.trim();
      labels.push(row.getAttribute('data-label') + (count === null ? ' (' + shown + ')' : ''));
      counts.push(count === null ? null : Number(count));
    });
    var horizontal = labels.length > 12 || labels.some(function (l) { return l.length > 14; });
    // As tall as the table beside it, so each bar has room for its label; a style property set from script, which
    // the page's CSP allows.
    canvas.parentElement.style.height = Math.max(table.offsetHeight, 160) + 'px';
    canvas.parentElement.hidden = false;
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: axisLabel, data: counts, backgroundColor: '#0059b3' }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { color: '#1a1a1a', autoSkip: false }, beginAtZero: true }, y: { ticks: { color: '#1a1a1a', autoSkip: false }, beginAtZero: true } }
      }
    });
  });
});
