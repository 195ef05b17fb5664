// The inbox's live countdown to each deadline: every element with data-deadline (an ISO instant) shows the time
// left, or how long ago it passed, in the Danish words its data-left / data-over attributes carry.
(function () {
  function part(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    return (days > 0 ? days + ' d ' : '') + (days > 0 || hours > 0 ? hours + ' t ' : '') + mins + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-deadline')) - now;
      el.textContent = left >= 0 ? part(left) + ' ' + el.getAttribute('data-left')
        : el.getAttribute('data-over') + ' ' + part(left);
      el.classList.toggle('countdown-over', left < 0);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 1000); });
}());
