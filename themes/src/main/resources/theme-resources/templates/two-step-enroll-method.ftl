<#import "two-step.ftl" as ts>
<#assign backup = twoStep.role = "backup">
<#-- The app can hold one role only: where the other role has it, it is shown, but cannot be chosen. -->
<#assign appTaken = backup?then((twoStep.primary.app)!false, twoStep.changing && (twoStep.backup.app)!false)>
<#assign passkeyTaken = backup?then((twoStep.primary.passkey)!false, twoStep.changing && (twoStep.backup.passkey)!false)>
<#if twoStep.changing>
  <#assign heading = backup?then("twoStepChangeBackupTitle", "twoStepChangePrimaryTitle")>
<#else>
  <#assign heading = backup?then("twoStepBackupTitle", "twoStepChooseTitle")>
</#if>
<@ts.page header=msg(heading)>
  <#if backup>
    <p id="two-step-primary-summary">${msg("twoStepYourPrimary")} <strong><@ts.methodLine method=twoStep.primary/></strong></p>
    <#if !twoStep.changing><p>${msg("twoStepBackupIntro")}</p></#if>
    <p class="two-step-emphasis">${msg("twoStepBackupMustDiffer")}</p>
  <#elseif twoStep.changing>
    <p id="two-step-backup-summary">${msg("twoStepYourBackup")} <strong><@ts.methodLine method=twoStep.backup/></strong></p>
    <p class="two-step-emphasis">${msg("twoStepPrimaryMustDiffer")}</p>
  <#else>
    <p>${msg("twoStepChooseIntro")}</p>
  </#if>
  <@ts.form id="two-step-method-form">
    <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg(heading)}">
      <@ts.radio name="method" value="phone" label=msg("twoStepPhoneNumber") hint=msg("twoStepPhoneNumberHint") checked=true/>
      <@ts.radio name="method" value="app" label=msg("twoStepAuthenticatorApp") disabled=appTaken
                 hint=appTaken?then(msg(backup?then("twoStepAppIsPrimary", "twoStepAppIsBackup")), msg("twoStepAuthenticatorAppHint"))/>
      <@ts.radio name="method" value="passkey" label=msg("twoStepPasskeyOrKey") disabled=passkeyTaken
                 hint=passkeyTaken?then(msg(backup?then("twoStepPasskeyIsPrimary", "twoStepPasskeyIsBackup")), msg("twoStepPasskeyHint"))/>
    </div>
    <@ts.help id="why-not-email" summary=msg("twoStepWhyNotEmail")>
      <p>${msg("twoStepWhyNotEmailText")}</p>
    </@ts.help>
    <@ts.actions>
      <@ts.button id="continue" label=msg("twoStepContinue") action="choose"/>
      <#if twoStep.changing>
        <@ts.button id="cancel-change" label=msg("twoStepKeepCurrent") action="cancel-change" primary=false/>
      <#elseif backup>
        <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
      </#if>
    </@ts.actions>
  </@ts.form>
  <#if !twoStep.changing><@ts.signInAsAnother/></#if>
</@ts.page>
