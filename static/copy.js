// Progressive enhancement: a "Copy" button for lists of codes. Without JavaScript the
// button stays hidden and the codes remain selectable text. Once copied, the button says so
// with its data-copied, in the page's language.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = Array.prototype.map.call(source.querySelectorAll("code"), function (c) {
      return c.textContent;
    }).join("\n");
    navigator.clipboard.writeText(text).then(function () {
      var copied = button.getAttribute("data-copied");
      if (copied) button.textContent = copied;
    });
  });
});
