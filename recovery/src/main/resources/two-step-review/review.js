// The reviewers' page: signs in with Keycloak (authorization code + PKCE) and drives the reviewers' admin
// REST API. Whatever a seller wrote is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var body = document.body;
  var cfg = body.dataset;
  var storage = window.sessionStorage;

  function text(key) {
    var el = document.querySelector('#texts [data-key="' + key + '"]');
    return el ? el.textContent : key;
  }
  function say(message) { document.getElementById("review-message").textContent = message || ""; }
  function el(id) { return document.getElementById(id); }
  function when(ms) { return ms ? new Date(ms).toLocaleString(document.documentElement.lang) : text("none"); }

  function randomString() {
    var bytes = new Uint8Array(32);
    window.crypto.getRandomValues(bytes);
    return base64url(bytes);
  }
  function base64url(bytes) {
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // Each request has its own address (#request=<id>), kept across the sign-in's round trip.
  function requestInAddress() {
    var match = /^#request=(.+)$/.exec(window.location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }
  function methodWords(method) {
    if (!method) { return text("none"); }
    return method.kind === "app" ? text("method-app") : text("method-" + method.kind).replace("{0}", method.masked);
  }

  function signIn() {
    if (window.location.hash) { storage.setItem("two-step-review.hash", window.location.hash); }
    var verifier = randomString();
    var state = randomString();
    storage.setItem("two-step-review.verifier", verifier);
    storage.setItem("two-step-review.state", state);
    window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (hash) {
      var query = new URLSearchParams({
        // A code every time: the API refuses tokens from a trusted browser or a session reused by SSO.
        client_id: cfg.client, redirect_uri: cfg.page, response_type: "code", scope: "openid", acr_values: "two-step",
        state: state, code_challenge: base64url(new Uint8Array(hash)), code_challenge_method: "S256"
      });
      window.location.assign(cfg.auth + "?" + query.toString());
    });
  }

  function exchange(code) {
    var form = new URLSearchParams({
      grant_type: "authorization_code", client_id: cfg.client, redirect_uri: cfg.page, code: code,
      code_verifier: storage.getItem("two-step-review.verifier") || ""
    });
    storage.removeItem("two-step-review.verifier");
    return fetch(cfg.token, { method: "POST", body: form }).then(function (response) {
      if (!response.ok) { throw new Error("token " + response.status); }
      return response.json();
    }).then(function (tokens) {
      storage.setItem("two-step-review.token", tokens.access_token);
      window.history.replaceState(null, "", cfg.page + (storage.getItem("two-step-review.hash") || ""));
      storage.removeItem("two-step-review.hash");
    });
  }

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ Authorization: "Bearer " + storage.getItem("two-step-review.token") },
      options.headers || {});
    return fetch(cfg.api + path, options).then(function (response) {
      if (response.status === 401) {
        storage.removeItem("two-step-review.token");
        keepWork();
        signIn();
        throw new Error("401");
      }
      if (response.status === 403) { say(text(options.forbidden || "forbidden")); throw new Error("403"); }
      if (response.status === 409) { say(text("decided")); throw new Error("409"); }
      if (!response.ok) { say(text("failed")); throw new Error(String(response.status)); }
      return response;
    });
  }

  // The token lives minutes: a reviewer who typed a reason meanwhile finds it again after signing in anew.
  function keepWork() {
    if (!el("detail").hidden) {
      storage.setItem("two-step-review.work", JSON.stringify({ id: el("detail").dataset.requestId,
        reason: el("reason").value }));
    }
  }
  function resumeWork() {
    var work = JSON.parse(storage.getItem("two-step-review.work") || "null");
    storage.removeItem("two-step-review.work");
    if (!work || !work.id) { return undefined; }
    return showDetail(work.id).then(function () { el("reason").value = work.reason || ""; });
  }

  function showQueue() {
    el("detail").hidden = true;
    if (window.location.hash) { window.history.replaceState(null, "", cfg.page); }
    return api("/requests").then(function (r) { return r.json(); }).then(function (requests) {
      var rows = el("queue-rows");
      // On a phone each row is a card: every cell says what it is (PatternFly's grid table reads data-label).
      var labels = Array.prototype.map.call(document.querySelectorAll("#queue thead th"), function (th) {
        return th.textContent.trim();
      });
      rows.replaceChildren();
      requests.forEach(function (request) {
        var row = document.createElement("tr");
        row.className = "pf-v5-c-table__tr";
        row.dataset.requestId = request.id;
        [request.username || request.userId, text(request.status),
          text("minutes").replace("{0}", request.ageMinutes), String(request.documents)].forEach(function (value, i) {
          var cell = document.createElement("td");
          cell.className = "pf-v5-c-table__td";
          cell.dataset.label = labels[i];
          cell.textContent = value;
          row.appendChild(cell);
        });
        var cell = document.createElement("td");
        cell.className = "pf-v5-c-table__td";
        var open = document.createElement("button");
        open.type = "button";
        open.className = "open-request pf-v5-c-button pf-m-secondary";
        open.textContent = text("open");
        open.addEventListener("click", function () {
          window.history.pushState(null, "", cfg.page + "#request=" + encodeURIComponent(request.id));
          showDetail(request.id);
        });
        cell.appendChild(open);
        row.appendChild(cell);
        rows.appendChild(row);
      });
      el("queue-empty").hidden = requests.length > 0;
      el("queue").hidden = false;
    });
  }

  function showDetail(id) {
    return api("/requests/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (request) {
      var account = request.account || {};
      el("detail-user").textContent = request.username || request.userId;
      el("detail-status").textContent = text(request.status);
      el("detail-created").textContent = when(request.createdAt);
      el("group-decided").hidden = !request.decidedAt;
      el("detail-decided").textContent = request.decidedAt
        ? text("decidedByAt").replace("{0}", request.decidedBy || text("none")).replace("{1}", when(request.decidedAt)) : "";
      el("group-reason").hidden = !request.reason;
      el("detail-account-created").textContent = when(account.createdAt);
      el("detail-last-sign-in").textContent = when(account.lastSignIn);
      el("detail-primary").textContent = methodWords(account.primary);
      el("detail-backup").textContent = methodWords(account.backup);
      el("detail-note").textContent = request.contactNote || "";
      el("detail-reason").textContent = request.reason || "";
      var list = el("detail-documents");
      list.replaceChildren();
      request.documentList.forEach(function (document_) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "download pf-v5-c-button pf-m-secondary";
        button.textContent = text("download") + " " + document_.position + " (" + document_.mediaType + ", "
          + Math.max(1, Math.round(document_.size / 1024)) + " KB)";
        button.addEventListener("click", function () { download(request.id, document_); });
        item.appendChild(button);
        list.appendChild(item);
      });
      el("decision").hidden = request.status !== "PENDING";
      el("approve-confirm").hidden = true;
      // Approving takes every method away: it asks once more, in words, before it happens.
      el("approve").onclick = function () { el("approve-confirm").hidden = false; el("approve-yes").focus(); };
      el("approve-no").onclick = function () { el("approve-confirm").hidden = true; el("approve").focus(); };
      el("approve-yes").onclick = function () { decide(request.id, "approve", null); };
      el("reject").onclick = function () {
        var reason = el("reason").value.trim();
        if (!reason) { say(text("reasonNeeded")); return; }
        decide(request.id, "reject", reason);
      };
      el("queue").hidden = true;
      el("detail").hidden = false;
      el("detail").dataset.requestId = request.id;
    });
  }

  function download(id, document_) {
    var name = "document-" + document_.position;
    api("/requests/" + encodeURIComponent(id) + "/documents/" + encodeURIComponent(document_.id))
      .then(function (r) {
        // The server names the file with its checked type's extension, so the right program opens it.
        var named = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
        if (named) { name = named[1]; }
        return r.blob();
      }).then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name;
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      });
  }

  function decide(id, decision, reason) {
    var options = { method: "POST", headers: { "Content-Type": "application/json" }, forbidden: "notYours",
      body: JSON.stringify(reason === null ? {} : { reason: reason }) };
    api("/requests/" + encodeURIComponent(id) + "/" + decision, options).then(function () {
      say(text(decision === "approve" ? "approved" : "rejected"));
      el("reason").value = "";
      return showDetail(id);
    }).catch(function () { /* already said */ });
  }

  el("back-to-queue").addEventListener("click", function () { say(""); showQueue(); });
  window.addEventListener("popstate", function () {
    var id = requestInAddress();
    if (id) { showDetail(id); } else { showQueue(); }
  });

  var params = new URLSearchParams(window.location.search);
  var start;
  if (params.get("code")) {
    if (params.get("state") !== storage.getItem("two-step-review.state")) { say(text("failed")); return; }
    start = exchange(params.get("code"));
  } else if (storage.getItem("two-step-review.token")) {
    start = Promise.resolve();
  } else {
    signIn();
    return;
  }
  start.then(function () {
    var id = requestInAddress();
    return id ? showDetail(id) : showQueue();
  }).then(resumeWork).catch(function () { /* already said */ });
})();
