// Shows a setting only while what it depends on is chosen: an element with
// data-shown-if="id1 id2" is shown while the checkbox or radio button id1 or id2 is checked.
// Without this script every setting is shown, and each still saves as it reads; hidden ones
// are still sent, so nothing typed is lost by switching back and forth.
(function () {
  var dependents = document.querySelectorAll("[data-shown-if]");
  if (dependents.length === 0) return;
  function update() {
    for (var i = 0; i < dependents.length; i++) {
      var ids = dependents[i].getAttribute("data-shown-if").split(" ");
      var shown = false;
      for (var j = 0; j < ids.length; j++) {
        var input = document.getElementById(ids[j]);
        if (input && input.checked) shown = true;
      }
      dependents[i].hidden = !shown;
    }
  }
  document.addEventListener("change", update);
  update();
})();
