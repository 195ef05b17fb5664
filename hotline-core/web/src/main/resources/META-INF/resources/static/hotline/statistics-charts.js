// The statistics page's charts (docs/decisions/charts.md). Each chart is drawn from the table beside it, which stays
// the accessible version of the same figures; without JavaScript the tables alone are shown. A cell shown as "<5"
// has no count in the page at all, so its bar is left out and its label says so: a chart can reveal nothing that the
// table does not.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.Chart) { return; }
  var page = document.querySelector('.statistics');
  if (!page) { return; }
  var axisLabel = page.getAttribute('data-axis-label');
  var suppressedLabel = page.getAttribute('data-suppressed-label');
  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table) { return; }
    var labels = [];
    var counts = [];
    table.querySelectorAll('tbody tr[data-label]').forEach(function (row) {
      var count = row.getAttribute('data-count');
      labels.push(row.getAttribute('data-label') + (count === null ? ' (' + suppressedLabel + ')' : ''));
      counts.push(count === null ? null : Number(count));
    });
    var horizontal = labels.length > 12 || labels.some(function (l) { return l.length > 14; });
    // Horizontal bars need room for each label; the style property is set from script, which the page's CSP allows.
    if (horizontal) { canvas.parentElement.style.height = Math.max(12, labels.length * 1.9 + 3) + 'rem'; }
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
