<#-- The reviewers' page: a shell the script fills from the reviewers' admin REST API. Every text the
     script shows comes from the messages below; what sellers wrote is only ever set as text. -->
<!DOCTYPE html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${msg("twoStepReviewTitle")}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #151515; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d2d2d2; }
    button { margin: .25rem .5rem .25rem 0; padding: .4rem .9rem; }
    pre { white-space: pre-wrap; background: #f5f5f5; padding: .6rem; }
    dt { font-weight: 600; margin-top: .5rem; }
    #review-message { font-weight: 600; }
    textarea { width: 100%; }
  </style>
</head>
<body data-client="${clientId}" data-page="${pageUrl}" data-auth="${authUrl}" data-token="${tokenUrl}"
      data-logout="${logoutUrl}" data-api="${apiUrl}">
  <h1>${msg("twoStepReviewTitle")}</h1>
  <p id="review-message" role="status"></p>

  <section id="queue" hidden>
    <h2>${msg("twoStepReviewQueue")}</h2>
    <p id="queue-empty" hidden>${msg("twoStepReviewQueueEmpty")}</p>
    <table>
      <thead><tr><th>${msg("twoStepReviewUser")}</th><th>${msg("twoStepReviewStatus")}</th><th>${msg("twoStepReviewAge")}</th><th>${msg("twoStepReviewDocuments")}</th><th></th></tr></thead>
      <tbody id="queue-rows"></tbody>
    </table>
  </section>

  <section id="detail" hidden>
    <h2 id="detail-user"></h2>
    <dl>
      <dt>${msg("twoStepReviewStatus")}</dt><dd id="detail-status"></dd>
      <dt>${msg("twoStepReviewSubmitted")}</dt><dd id="detail-created"></dd>
      <dt>${msg("twoStepReviewAccountCreated")}</dt><dd id="detail-account-created"></dd>
      <dt>${msg("twoStepReviewLastSignIn")}</dt><dd id="detail-last-sign-in"></dd>
      <dt>${msg("twoStepPrimaryLabel")}</dt><dd id="detail-primary"></dd>
      <dt>${msg("twoStepBackupLabel")}</dt><dd id="detail-backup"></dd>
      <dt>${msg("twoStepReviewNote")}</dt><dd><pre id="detail-note"></pre></dd>
      <dt>${msg("twoStepReviewReason")}</dt><dd id="detail-reason"></dd>
    </dl>
    <h3>${msg("twoStepReviewDocuments")}</h3>
    <ul id="detail-documents"></ul>
    <div id="decision">
      <button id="approve" type="button">${msg("twoStepReviewApprove")}</button>
      <p><label for="reason">${msg("twoStepReviewReasonLabel")}</label></p>
      <textarea id="reason" rows="3" maxlength="1000"></textarea>
      <button id="reject" type="button">${msg("twoStepReviewReject")}</button>
    </div>
    <button id="back-to-queue" type="button">${msg("twoStepReviewBack")}</button>
  </section>

  <div id="texts" hidden>
    <span data-key="forbidden">${msg("twoStepReviewForbidden")}</span>
    <span data-key="notYours">${msg("twoStepReviewNotYours")}</span>
    <span data-key="failed">${msg("twoStepReviewFailed")}</span>
    <span data-key="decided">${msg("twoStepReviewDecided")}</span>
    <span data-key="approved">${msg("twoStepReviewApproved")}</span>
    <span data-key="rejected">${msg("twoStepReviewRejected")}</span>
    <span data-key="reasonNeeded">${msg("twoStepReviewReasonNeeded")}</span>
    <span data-key="open">${msg("twoStepReviewOpen")}</span>
    <span data-key="download">${msg("twoStepReviewDownload")}</span>
    <span data-key="minutes">${msg("twoStepReviewMinutes")}</span>
    <span data-key="none">${msg("twoStepReviewNone")}</span>
    <span data-key="PENDING">${msg("twoStepReviewStatusPending")}</span>
    <span data-key="APPROVED">${msg("twoStepReviewStatusApproved")}</span>
    <span data-key="REJECTED">${msg("twoStepReviewStatusRejected")}</span>
    <span data-key="WITHDRAWN">${msg("twoStepReviewStatusWithdrawn")}</span>
  </div>
  <script src="${scriptUrl}"></script>
</body>
</html>
