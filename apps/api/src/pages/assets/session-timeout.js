// WCAG 2.2.1: warn before the session ends and let the user extend it with one action.
// Without JavaScript the page already says when the session ends and how to keep it.
(function () {
  var root = document.querySelector('[data-module="app-session-timeout"]');
  if (!root) return;
  var given = root.getAttribute('data-seconds-left');
  var secondsLeft = given ? Number(given) : NaN;
  var warningSeconds = Number(root.getAttribute('data-warning-seconds'));
  if (!(secondsLeft >= 0)) return;
  var warning = root.querySelector('.app-session-timeout__warning');
  var countdown = root.querySelector('.app-session-timeout__countdown');
  // Measured from when the page arrived, never from the browser's clock against the server's.
  var endsAt = performance.now() + secondsLeft * 1000;
  var say = function (seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    if (minutes === 0) return rest + (rest === 1 ? ' second' : ' seconds');
    return minutes + (minutes === 1 ? ' minute' : ' minutes') + (rest ? ' and ' + rest + (rest === 1 ? ' second' : ' seconds') : '');
  };
  var shown = false;
  var tick = function () {
    var left = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
    if (left === 0) {
      window.location.href = '/app/sign-in?ended=timeout';
      return;
    }
    if (left <= warningSeconds) {
      // Spoken once when it appears (role=alert), then updated each 10 seconds, not each second.
      if (!shown || left % 10 === 0) countdown.textContent = say(left);
      if (!shown) {
        warning.hidden = false;
        shown = true;
        warning.querySelector('button').focus();
      }
    }
    window.setTimeout(tick, 1000);
  };
  tick();
})();
