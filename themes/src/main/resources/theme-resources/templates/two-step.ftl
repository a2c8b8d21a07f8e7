<#-- The macro library of every two-step page: one layout, one way to draw a field, a choice or a button. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>

<#macro page header fields=["code", "number", "channel"]>
  <#-- Each page its own title (tabs, history, screen readers); Keycloak's layout reads a global one. -->
  <#global title = msg("twoStepPageTitle", header, (realm.displayName)!realm.name)>
  <#assign fieldError = false>
  <#list fields as f><#if messagesPerField.existsError(f)><#assign fieldError = true></#if></#list>
  <@layout.registrationLayout displayMessage=!fieldError; section>
    <#if section = "header">
      ${header}
    <#elseif section = "form">
      <div id="two-step" class="two-step">
        <#nested>
      </div>
      <script>
        <#-- Keycloak's read-only username carries a label for another id: tie the two, for screen readers. -->
        (function () {
          var shown = document.getElementById("kc-attempted-username");
          var label = document.querySelector('label[for="username"]');
          if (shown && label && !document.getElementById("username")) { label.htmlFor = shown.id; }
        })();
      </script>
    </#if>
  </@layout.registrationLayout>
</#macro>

<#macro form id multipart=false target="">
  <form id="${id}" class="${properties.kcFormClass!}" action="${target?has_content?then(target, url.loginAction)}" method="post" novalidate="novalidate"<#if multipart> enctype="multipart/form-data"</#if><#if (twoStep.deliveryStatusUrl)??> data-delivery-status="${twoStep.deliveryStatusUrl}"</#if>>
    <#nested>
  </form>
  <#if (twoStep.deliveryStatusUrl)??><@deliveryWatch formId=id/></#if>
</#macro>

<#-- A code message is sent in the background: if it fails after the page is shown, ask the flow again,
     which shows the reason in the seller's language and the other ways to get a code. -->
<#macro deliveryWatch formId>
  <script>
    (function () {
      var form = document.getElementById("${formId}");
      var url = form.getAttribute("data-delivery-status");
      var checks = 0;
      function askTheFlow() {
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = "action";
        action.value = "status";
        form.appendChild(action);
        form.submit();
      }
      function check() {
        checks++;
        fetch(url, {cache: "no-store", credentials: "omit"})
          .then(function (answer) { return answer.ok ? answer.json() : {state: "sending"}; })
          .then(function (status) {
            if (status.state === "failed") {
              askTheFlow();
            } else if (status.state === "sending" && checks < 30) {
              setTimeout(check, 1000);
            }
          })
          .catch(function () { if (checks < 30) { setTimeout(check, 2000); } });
      }
      setTimeout(check, 500);
    })();
  </script>
</#macro>

<#-- A text field with its label, and its hint and error tied to it (aria-describedby); type and inputmode
     bring up the keypad it needs on a phone. -->
<#macro input name label value="" type="text" inputmode="" autocomplete="off" placeholder="" hint="" autofocus=false>
  <#local error = messagesPerField.get(name)>
  <#local described = hint?has_content?then([name + "-hint"], []) + error?has_content?then(["input-error-" + name], [])>
  <@field.group name=name label=label error=error>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="${name}" name="${name}" value="${value}" type="${type}" autocomplete="${autocomplete}"
             <#if inputmode?has_content>inputmode="${inputmode}"</#if> <#if placeholder?has_content>placeholder="${placeholder}"</#if>
             <#if autofocus>autofocus</#if> <#if described?has_content>aria-describedby="${described?join(" ")}"</#if>
             aria-invalid="${error?has_content?c}"/>
      <@field.errorIcon error=error/>
    </span>
    <#if hint?has_content><p id="${name}-hint" class="two-step-hint">${hint}</p></#if>
  </@field.group>
</#macro>

<#-- A field's error, styled as one and named by the field's aria-describedby (id input-error-<name>). -->
<#macro errorAt name error>
  <#if error?has_content>
    <div class="${properties.kcFormHelperTextClass!}" aria-live="polite"><div class="${properties.kcInputHelperTextClass!}">
      <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-${name}">
        <span class="${properties.kcInputErrorMessageClass!}">${kcSanitize(error)?no_esc}</span>
      </div>
    </div></div>
  </#if>
</#macro>

<#macro codeInput>
  <@input name="code" label=msg("twoStepCodeLabel") autocomplete="one-time-code" inputmode="numeric" autofocus=true/>
</#macro>

<#macro radio name value label="" checked=false hint="" disabled=false>
  <div class="${properties.kcRadioClass!'pf-v5-c-radio'} two-step-choice">
    <input class="${properties.kcRadioInputClass!'pf-v5-c-radio__input'}" type="radio" id="${name}-${value}"
           name="${name}" value="${value}" <#if checked>checked</#if> <#if disabled>disabled</#if>/>
    <label class="${properties.kcRadioLabelClass!'pf-v5-c-radio__label'}" for="${name}-${value}"><#if label?has_content>${label}<#else><#nested></#if></label>
    <#if hint?has_content><span class="pf-v5-c-radio__description">${hint}</span></#if>
  </div>
</#macro>

<#macro checkbox name label hint="">
  <div class="${properties.kcCheckboxClass!}">
    <input class="${properties.kcCheckboxInputClass!}" type="checkbox" id="${name}" name="${name}" value="on"/>
    <label class="${properties.kcCheckboxLabelClass!}" for="${name}">${label}</label>
    <#if hint?has_content><span class="pf-v5-c-check__description">${hint}</span></#if>
  </div>
</#macro>

<#-- A submit button that names the step's action; data-* attributes let a page relabel it. -->
<#-- danger: an action that takes something away (turning 2SV off) looks like one. -->
<#macro button id label action primary=true block=true danger=false extra={}>
  <button id="${id}" name="action" value="${action}" type="submit" <#if !primary>formnovalidate</#if>
          class="${properties.kcButtonClass!} <#if danger>${primary?then("pf-m-danger", "pf-m-secondary pf-m-danger")}<#elseif primary>${properties.kcButtonPrimaryClass!}<#else>${properties.kcButtonSecondaryClass!}</#if> <#if block>${properties.kcButtonBlockClass!}<#else>two-step-inline-button</#if>"
          <#list extra as attr, value>data-${attr}="${value}" </#list>>${label}</button>
</#macro>

<#-- Back to the app without a change: Keycloak answers it with kc_action_status=cancelled. -->
<#macro cancelButton>
  <button id="cancel-aia" name="cancel-aia" value="true" type="submit" formnovalidate
          class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
</#macro>

<#macro actions>
  <div class="${properties.kcFormGroupClass!} two-step-actions">
    <#nested>
  </div>
</#macro>

<#-- Starts this login over from the password: the way on when nothing on the page can go further. -->
<#macro signInAgain href=url.loginRestartFlowUrl>
  <@actions>
    <a id="sign-in-again" href="${href}"
       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("twoStepSignInAgain")}</a>
  </@actions>
</#macro>

<#-- Back to the username and password, for whoever is signed in as the wrong user. -->
<#macro signInAsAnother>
  <p class="two-step-other-user"><a id="sign-in-as-another" href="${url.loginRestartFlowUrl}" class="two-step-link">${msg("twoStepSignInAsAnother")}</a></p>
</#macro>

<#-- Help that opens in place, without script: "Need an app?", "Can't scan the barcode?", "Why not e-mail?". -->
<#macro help id summary>
  <details id="${id}" class="two-step-help">
    <summary>${summary}</summary>
    <div class="two-step-help-body"><#nested></div>
  </details>
</#macro>

<#-- Where a recovery request stands, in one sentence (the reviewer's reason with a rejection). -->
<#macro recoveryStatus news>
  <#if news.status = "PENDING">${msg("twoStepRecoveryPending")}
  <#elseif news.status = "APPROVED" && news.thisBrowser>${msg("twoStepRecoveryApproved")}
  <#elseif news.status = "APPROVED">${msg("twoStepRecoveryApprovedElsewhere")}
  <#else>${msg("twoStepRecoveryRejected", news.reason)}</#if>
</#macro>

<#-- One line naming a method already chosen, numbers masked. -->
<#macro methodLine method>
  <#if (method.passkey)!false>${msg("twoStepMethodPasskey", method.label!msg("twoStepPasskey"))}<#if method.added??> <span class="two-step-added">${msg("twoStepAddedOn", method.added)}</span></#if><#elseif method.app>${msg("twoStepMethodApp")}<#elseif method.channel = "voice">${msg("twoStepMethodVoice", method.masked)}<#else>${msg("twoStepMethodSms", method.masked)}</#if><#if !method.app && !((method.passkey)!false) && !method.verified> ${msg("twoStepNotVerified")}</#if>
</#macro>

<#-- Where a sign-in code comes from, in one sentence. -->
<#macro whereCodeIs option>
  <#if option.passkey>${msg("twoStepSignInPasskey", option.label!msg("twoStepPasskey"))}<#elseif option.app>${msg("twoStepSignInApp")}<#elseif option.channel = "voice">${msg("twoStepCallingTo", option.masked)}<#else>${msg("twoStepSentTo", option.masked)}</#if>
</#macro>

<#-- A choosable way to get a code, on "Didn't receive the code?". -->
<#macro optionLabel option>
  <#if option.passkey>${msg("twoStepUsePasskey", option.label!msg("twoStepPasskey"))}<#elseif option.app>${msg("twoStepUseApp")}<#elseif option.channel = "voice">${msg("twoStepUseVoice", option.masked)}<#else>${msg("twoStepUseSms", option.masked)}</#if>
</#macro>

<#-- Passkeys are asked for and registered by Keycloak's own scripts (webauthnAuthenticate.js,
     webauthnRegister.js), under the realm's WebAuthn policy; they post the browser's answer in the form
     the script names, and a button of ours starts them (browsers want a tap before a passkey prompt). -->
<#macro passkeySignIn input buttonLabel trust=false>
  <form id="webauth" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
    <#list ["clientDataJSON", "authenticatorData", "signature", "credentialId", "userHandle", "error"] as name>
      <input type="hidden" id="${name}" name="${name}"/>
    </#list>
    <#if trust>
      <@checkbox name="trustDevice" label=msg("twoStepTrustDevice") hint=msg("twoStepTrustDeviceHint")/>
    </#if>
  </form>
  <form id="authn_select"><input type="hidden" name="authn_use_chk" value="${input.credentialId}"/></form>
  <@actions>
    <button id="use-passkey" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${buttonLabel}</button>
  </@actions>
  <script type="module">
    <#outputformat "JavaScript">
    import { authenticateByWebAuthn } from "${url.resourcesPath}/js/webauthnAuthenticate.js";
    document.getElementById("use-passkey").addEventListener("click", function () {
      authenticateByWebAuthn({
        isUserIdentified: true,
        challenge: ${input.challenge?c},
        userVerification: ${input.userVerification?c},
        rpId: ${input.rpId?c},
        createTimeout: ${input.createTimeout?c},
        errmsg: ${msg("twoStepPasskeyUnsupported")?c}
      });
    });
    </#outputformat>
  </script>
</#macro>

<#macro passkeyRegister input>
  <form id="register" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
    <#list ["clientDataJSON", "attestationObject", "publicKeyCredentialId", "authenticatorLabel", "transports", "authenticatorAttachment", "error"] as name>
      <input type="hidden" id="${name}" name="${name}"/>
    </#list>
  </form>
  <@actions>
    <button id="register-passkey" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("twoStepPasskeyCreate")}</button>
  </@actions>
  <script type="module">
    <#outputformat "JavaScript">
    import { registerByWebAuthn } from "${url.resourcesPath}/js/webauthnRegister.js";
    document.getElementById("register-passkey").addEventListener("click", function () {
      registerByWebAuthn({
        challenge: ${input.challenge?c},
        userid: ${input.userid?c},
        username: ${input.username?c},
        signatureAlgorithms: [<#list input.signatureAlgorithms as alg>${alg?c}<#sep>, </#sep></#list>],
        rpEntityName: ${input.rpEntityName?c},
        rpId: ${input.rpId?c},
        attestationConveyancePreference: ${input.attestationConveyancePreference?c},
        authenticatorAttachment: ${input.authenticatorAttachment?c},
        requireResidentKey: ${input.requireResidentKey?c},
        residentKey: ${input.residentKey?c},
        userVerificationRequirement: ${input.userVerificationRequirement?c},
        createTimeout: ${input.createTimeout?c},
        excludeCredentialIds: ${input.excludeCredentialIds?c},
        initLabel: ${msg("twoStepPasskey")?c},
        initLabelPrompt: ${msg("twoStepPasskeyNamePrompt")?c},
        errmsg: ${msg("twoStepPasskeyUnsupported")?c}
      });
    });
    </#outputformat>
  </script>
</#macro>
