<#-- The macro library of every two-step page: one layout, one way to draw a field, a choice or a button. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>

<#macro page header fields=["code", "number", "channel"]>
  <#assign fieldError = false>
  <#list fields as f><#if messagesPerField.existsError(f)><#assign fieldError = true></#if></#list>
  <@layout.registrationLayout displayMessage=!fieldError; section>
    <#if section = "header">
      ${header}
    <#elseif section = "form">
      <div id="two-step" class="two-step">
        <#nested>
      </div>
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

<#macro codeInput>
  <@field.input name="code" label=msg("twoStepCodeLabel") autocomplete="one-time-code" autofocus=true />
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
<#macro button id label action primary=true block=true extra={}>
  <button id="${id}" name="action" value="${action}" type="submit" <#if !primary>formnovalidate</#if>
          class="${properties.kcButtonClass!} <#if primary>${properties.kcButtonPrimaryClass!}<#else>${properties.kcButtonSecondaryClass!}</#if> <#if block>${properties.kcButtonBlockClass!}<#else>two-step-inline-button</#if>"
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
<#macro signInAgain>
  <@actions>
    <a id="sign-in-again" href="${url.loginRestartFlowUrl}"
       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("twoStepSignInAgain")}</a>
  </@actions>
</#macro>

<#-- Help that opens in place, without script: "Need an app?", "Can't scan the barcode?", "Why not e-mail?". -->
<#macro help id summary>
  <details id="${id}" class="two-step-help">
    <summary>${summary}</summary>
    <div class="two-step-help-body"><#nested></div>
  </details>
</#macro>

<#-- One line naming a method already chosen, numbers masked. -->
<#macro methodLine method>
  <#if method.app>${msg("twoStepMethodApp")}<#elseif method.channel = "voice">${msg("twoStepMethodVoice", method.masked)}<#else>${msg("twoStepMethodSms", method.masked)}</#if><#if !method.app && !method.verified> ${msg("twoStepNotVerified")}</#if>
</#macro>

<#-- Where a sign-in code comes from, in one sentence. -->
<#macro whereCodeIs option>
  <#if option.app>${msg("twoStepSignInApp")}<#elseif option.channel = "voice">${msg("twoStepCallingTo", option.masked)}<#else>${msg("twoStepSentTo", option.masked)}</#if>
</#macro>

<#-- A choosable way to get a code, on "Didn't receive the code?". -->
<#macro optionLabel option>
  <#if option.app>${msg("twoStepUseApp")}<#elseif option.channel = "voice">${msg("twoStepUseVoice", option.masked)}<#else>${msg("twoStepUseSms", option.masked)}</#if>
</#macro>
