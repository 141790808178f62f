// Shows each <time datetime> in the reader's own time zone. Without it the page keeps the
// server's text, in UTC and labelled so.
(function () {
  var format = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  document.querySelectorAll("time[datetime]").forEach(function (time) {
    var at = new Date(time.getAttribute("datetime"));
    if (!isNaN(at)) {
      time.setAttribute("title", time.textContent);
      time.textContent = format.format(at);
    }
  });
})();
