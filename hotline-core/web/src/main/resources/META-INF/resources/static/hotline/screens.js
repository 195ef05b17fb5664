// Shared by every screen: Det Faelles Designsystem's components, and a plain Danish notice when the session has
// expired (Quarkus OIDC answers 499 to script requests instead of redirecting them to the login page).
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') { window.DKFDS.init(); }
});
document.addEventListener('htmx:responseError', function (e) {
  if (e.detail.xhr && e.detail.xhr.status === 499) {
    var notice = document.getElementById('session-expired');
    if (notice) { notice.hidden = false; }
  }
});
