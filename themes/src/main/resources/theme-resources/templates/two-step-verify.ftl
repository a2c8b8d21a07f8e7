<#import "two-step.ftl" as ts>
<#assign passkey = twoStep.current.passkey && (twoStep.passkey)??>
<@ts.page header=msg("twoStepSignInTitle") fields=passkey?then([], ["code", "number", "channel"])>
  <p id="two-step-where"><@ts.whereCodeIs option=twoStep.current/></p>
  <#if passkey>
    <@ts.passkeySignIn input=twoStep.passkey buttonLabel=msg("twoStepPasskeyUse") trust=twoStep.trustsDevices/>
  </#if>
  <@ts.form id="two-step-verify-form">
    <#if !passkey>
      <@ts.codeInput/>
      <#if twoStep.trustsDevices>
        <@ts.checkbox name="trustDevice" label=msg("twoStepTrustDevice") hint=msg("twoStepTrustDeviceHint")/>
      </#if>
    </#if>
    <@ts.actions>
      <#if !passkey><@ts.button id="verify" label=msg("twoStepSignIn") action="verify"/></#if>
      <#if twoStep.current.channel??>
        <@ts.button id="resend" label=msg("twoStepSendAgain") action="resend" primary=false/>
      </#if>
      <@ts.button id="other" label=msg(passkey?then("twoStepPasskeyOther", "twoStepDidntReceive")) action="other" primary=false/>
      <#if twoStep.cancellable><@ts.cancelButton/></#if>
    </@ts.actions>
  </@ts.form>
</@ts.page>
