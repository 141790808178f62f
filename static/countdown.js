// Counts down the wait before a new code can be asked for, the button disabled until then.
// The page renders the button enabled: without this script the page says when, and a press
// too early is answered by the server with the seconds left. The words shown when the wait
// ends come from the form's data-ready, in the page's language.
(function () {
  var form = document.querySelector("form[data-wait-secs]");
  if (!form) return;
  var left = parseInt(form.getAttribute("data-wait-secs"), 10);
  var shown = form.querySelector("[data-countdown]");
  var button = form.querySelector("button[type=submit]");
  button.disabled = true;
  var timer = setInterval(function () {
    left -= 1;
    if (left > 0) {
      shown.textContent = String(left);
      return;
    }
    clearInterval(timer);
    var hint = form.querySelector("#resend-wait");
    var ready = form.getAttribute("data-ready");
    if (hint && ready) hint.textContent = ready;
    button.disabled = false;
  }, 1000);
})();
