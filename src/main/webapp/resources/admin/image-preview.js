// Shows the file chosen in the event editor's image form before it is uploaded. A file of its
// own (no inline script: the Content-Security-Policy allows scripts from 'self' only); the preview
// is a data: URL, which the policy's img-src allows.
(function () {
  "use strict";
  function wire() {
    var input = document.getElementById("image:file");
    var preview = document.getElementById("image-preview");
    if (!input || !preview) {
      return;
    }
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) {
        preview.hidden = true;
        preview.removeAttribute("src");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        preview.src = reader.result;
        preview.hidden = false;
      };
      reader.readAsDataURL(file);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
