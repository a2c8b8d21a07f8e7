<#import "two-step.ftl" as ts>
<#assign backup = twoStep.role = "backup">
<@ts.page header=msg(backup?then("twoStepBackupTitle", "twoStepChooseTitle"))>
  <#if backup>
    <p id="two-step-primary-summary">${msg("twoStepYourPrimary")} <strong><@ts.methodLine method=twoStep.primary/></strong></p>
    <p>${msg("twoStepBackupIntro")}</p>
    <p class="two-step-emphasis">${msg("twoStepBackupMustDiffer")}</p>
  <#else>
    <p>${msg("twoStepChooseIntro")}</p>
  </#if>
  <@ts.form id="two-step-method-form">
    <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg(backup?then("twoStepBackupTitle", "twoStepChooseTitle"))}">
      <@ts.radio name="method" value="phone" label=msg("twoStepPhoneNumber") hint=msg("twoStepPhoneNumberHint") checked=true/>
      <@ts.radio name="method" value="app" label=msg("twoStepAuthenticatorApp") hint=msg("twoStepAuthenticatorAppHint")/>
    </div>
    <@ts.help id="why-not-email" summary=msg("twoStepWhyNotEmail")>
      <p>${msg("twoStepWhyNotEmailText")}</p>
    </@ts.help>
    <@ts.actions>
      <@ts.button id="continue" label=msg("twoStepContinue") action="choose"/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
