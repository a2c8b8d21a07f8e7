<#-- The reviewers' page: a shell the script fills from the reviewers' admin REST API, in the login theme's
     PatternFly look. Every text the script shows comes from the messages below; what sellers wrote is only
     ever set as text. -->
<!DOCTYPE html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${msg("twoStepReviewTitle")} - ${realmName}</title>
  <#list styles as style><link href="${style}" rel="stylesheet"></#list>
  <style>
    /* PatternFly's layouts set display on groups and sections: hidden must still hide them. */
    .two-step-review [hidden] { display: none !important; }
    .two-step-review { max-width: 64rem; margin: 0 auto; padding: 1rem; }
    .two-step-review h1, .two-step-review h2, .two-step-review h3 { margin: 1rem 0 .5rem; }
    .two-step-review .pf-v5-c-button { min-height: 44px; white-space: normal; margin: .25rem .5rem .25rem 0; }
    .two-step-review pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-family: inherit; }
    .two-step-review #detail-documents { list-style: none; padding: 0; }
    .two-step-review textarea { width: 100%; min-height: 44px; }
    .two-step-review #review-message:empty { display: none; }
    .two-step-review .two-step-confirm { border-left: 3px solid var(--pf-v5-global--danger-color--100, #c9190b);
      padding: .5rem 1rem; margin: .5rem 0; }
  </style>
</head>
<body data-client="${clientId}" data-page="${pageUrl}" data-auth="${authUrl}" data-token="${tokenUrl}"
      data-logout="${logoutUrl}" data-api="${apiUrl}">
<main class="two-step-review">
  <h1 class="pf-v5-c-title pf-m-2xl">${msg("twoStepReviewTitle")}</h1>
  <p id="review-message" role="status" class="pf-v5-c-alert pf-m-inline pf-m-info"></p>

  <section id="queue" hidden>
    <h2 class="pf-v5-c-title pf-m-xl">${msg("twoStepReviewQueue")}</h2>
    <p id="queue-empty" hidden>${msg("twoStepReviewQueueEmpty")}</p>
    <#-- pf-m-grid-md: below 768 px each row is a card, each cell labelled by its data-label. -->
    <table class="pf-v5-c-table pf-m-grid-md" aria-label="${msg("twoStepReviewQueue")}">
      <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
        <th class="pf-v5-c-table__th" scope="col">${msg("twoStepReviewUser")}</th>
        <th class="pf-v5-c-table__th" scope="col">${msg("twoStepReviewStatus")}</th>
        <th class="pf-v5-c-table__th" scope="col">${msg("twoStepReviewAge")}</th>
        <th class="pf-v5-c-table__th" scope="col">${msg("twoStepReviewDocuments")}</th>
        <th class="pf-v5-c-table__th" scope="col"><span class="pf-v5-screen-reader">${msg("twoStepReviewOpen")}</span></th>
      </tr></thead>
      <tbody id="queue-rows" class="pf-v5-c-table__tbody"></tbody>
    </table>
  </section>

  <section id="detail" hidden>
    <h2 id="detail-user" class="pf-v5-c-title pf-m-xl"></h2>
    <dl class="pf-v5-c-description-list pf-m-horizontal-on-md">
      <#list [["status", "twoStepReviewStatus"], ["created", "twoStepReviewSubmitted"],
              ["account-created", "twoStepReviewAccountCreated"], ["last-sign-in", "twoStepReviewLastSignIn"],
              ["primary", "twoStepPrimaryLabel"], ["backup", "twoStepBackupLabel"], ["note", "twoStepReviewNote"],
              ["decided", "twoStepReviewDecidedBy"], ["reason", "twoStepReviewReason"]] as fact>
        <div class="pf-v5-c-description-list__group" id="group-${fact[0]}">
          <dt class="pf-v5-c-description-list__term"><span class="pf-v5-c-description-list__text">${msg(fact[1])}</span></dt>
          <dd class="pf-v5-c-description-list__description"><div class="pf-v5-c-description-list__text"><#if fact[0] = "note"><pre id="detail-note"></pre><#else><span id="detail-${fact[0]}"></span></#if></div></dd>
        </div>
      </#list>
    </dl>
    <h3 class="pf-v5-c-title pf-m-lg">${msg("twoStepReviewDocuments")}</h3>
    <ul id="detail-documents"></ul>
    <div id="decision">
      <button id="approve" type="button" class="pf-v5-c-button pf-m-danger">${msg("twoStepReviewApprove")}</button>
      <div id="approve-confirm" class="two-step-confirm" hidden>
        <p>${msg("twoStepReviewApproveConfirmText")}</p>
        <button id="approve-yes" type="button" class="pf-v5-c-button pf-m-danger">${msg("twoStepReviewApproveYes")}</button>
        <button id="approve-no" type="button" class="pf-v5-c-button pf-m-secondary">${msg("twoStepReviewApproveNo")}</button>
      </div>
      <div class="pf-v5-c-form__group">
        <label for="reason" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("twoStepReviewReasonLabel")}</span></label>
        <span class="pf-v5-c-form-control"><textarea id="reason" rows="3" maxlength="1000"></textarea></span>
      </div>
      <button id="reject" type="button" class="pf-v5-c-button pf-m-secondary">${msg("twoStepReviewReject")}</button>
    </div>
    <button id="back-to-queue" type="button" class="pf-v5-c-button pf-m-link">${msg("twoStepReviewBack")}</button>
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
    <span data-key="decidedByAt">${msg("twoStepReviewDecidedByAt")}</span>
    <span data-key="method-sms">${msg("twoStepMethodSms", "{0}")}</span>
    <span data-key="method-voice">${msg("twoStepMethodVoice", "{0}")}</span>
    <span data-key="method-app">${msg("twoStepMethodApp")}</span>
    <span data-key="method-passkey">${msg("twoStepMethodPasskey", "{0}")}</span>
    <span data-key="PENDING">${msg("twoStepReviewStatusPending")}</span>
    <span data-key="APPROVED">${msg("twoStepReviewStatusApproved")}</span>
    <span data-key="REJECTED">${msg("twoStepReviewStatusRejected")}</span>
    <span data-key="WITHDRAWN">${msg("twoStepReviewStatusWithdrawn")}</span>
  </div>
</main>
<script src="${scriptUrl}"></script>
</body>
</html>
