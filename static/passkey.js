// Passkeys: the page holds the WebAuthn options as JSON (#passkey-options) and a form
// (#passkey-form) whose hidden field "credential" carries the browser's answer, as JSON,
// to the server. This script only asks the browser (navigator.credentials) and fills the
// field; the server checks everything. Without JavaScript, or without passkey support,
// the page says so and offers the other ways. What the script says comes from the form, in
// the page's language: data-unsupported (no passkeys in this browser), data-refused (the
// browser gave no passkey) and, when creating, data-registered (this one is already there).
(function () {
  var form = document.getElementById("passkey-form");
  var source = document.getElementById("passkey-options");
  if (!form || !source) return;
  var problem = document.getElementById("passkey-problem");
  var field = form.querySelector("input[name=credential]");

  function say(name) {
    var text = form.getAttribute(name);
    if (!problem || !text) return;
    problem.textContent = text;
    problem.hidden = false;
    problem.focus();
  }

  if (!window.PublicKeyCredential || !navigator.credentials) {
    say("data-unsupported");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    return;
  }
  document.querySelectorAll("[data-needs-script]").forEach(function (e) { e.hidden = true; });

  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }

  function text(buffer) {
    if (!buffer) return undefined;
    var view = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < view.length; i++) raw += String.fromCharCode(view[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // The Level 3 JSON forms, where the browser has them; by hand where it does not.
  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    var o = Object.assign({}, json);
    o.challenge = bytes(json.challenge);
    o.user = Object.assign({}, json.user, { id: bytes(json.user.id) });
    o.excludeCredentials = (json.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return o;
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    var o = Object.assign({}, json);
    o.challenge = bytes(json.challenge);
    o.allowCredentials = (json.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return o;
  }

  function answer(credential) {
    if (credential.toJSON) return credential.toJSON();
    var r = credential.response;
    var out = {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: text(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      out.response.attestationObject = text(r.attestationObject);
      out.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      out.response.authenticatorData = text(r.authenticatorData);
      out.response.signature = text(r.signature);
      out.response.userHandle = text(r.userHandle);
    }
    return out;
  }

  form.addEventListener("submit", function (event) {
    if (field.value) return;
    event.preventDefault();
    if (!form.reportValidity()) return;
    var json = JSON.parse(source.textContent);
    json = json.publicKey || json;
    var creating = form.getAttribute("data-passkey") === "create";
    var asked = creating
      ? navigator.credentials.create({ publicKey: creationOptions(json) })
      : navigator.credentials.get({ publicKey: requestOptions(json) });
    asked.then(function (credential) {
      field.value = JSON.stringify(answer(credential));
      form.submit();
    }, function (error) {
      if (error && error.name === "InvalidStateError" && form.hasAttribute("data-registered")) {
        say("data-registered");
      } else {
        say("data-refused");
      }
    });
  });
})();
