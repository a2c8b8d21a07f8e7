<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepSignInTitle")>
  <p id="two-step-where"><@ts.whereCodeIs option=twoStep.current/></p>
  <@ts.form id="two-step-verify-form">
    <@ts.codeInput/>
    <#if twoStep.trustsDevices>
      <@ts.checkbox name="trustDevice" label=msg("twoStepTrustDevice") hint=msg("twoStepTrustDeviceHint")/>
    </#if>
    <@ts.actions>
      <@ts.button id="verify" label=msg("twoStepSignIn") action="verify"/>
      <#if !twoStep.current.app>
        <@ts.button id="resend" label=msg("twoStepSendAgain") action="resend" primary=false/>
      </#if>
      <@ts.button id="other" label=msg("twoStepDidntReceive") action="other" primary=false/>
      <#if twoStep.cancellable><@ts.cancelButton/></#if>
    </@ts.actions>
  </@ts.form>
</@ts.page>
