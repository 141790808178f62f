// Shows each <time datetime> in the reader's own time zone, written the way the page's
// language writes dates ("24 Nov 2026, 19:14 CET", "24. Nov. 2026, 19:14 MEZ"), so a page
// never mixes two. Without it the page keeps the server's text, in UTC and labelled so.
(function () {
  var lang = document.documentElement.lang;
  var format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
  });
  document.querySelectorAll("time[datetime]").forEach(function (time) {
    var at = new Date(time.getAttribute("datetime"));
    if (!isNaN(at)) {
      time.setAttribute("title", time.textContent);
      time.textContent = format.format(at);
    }
  });
})();
