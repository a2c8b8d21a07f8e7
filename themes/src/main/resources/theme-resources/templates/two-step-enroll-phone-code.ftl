<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepEnterCodeTitle")>
  <p id="two-step-sent-to">${msg((twoStep.channel = "voice")?then("twoStepCallingTo", "twoStepSentTo"), twoStep.target)}</p>
  <@ts.form id="two-step-code-form">
    <@ts.codeInput/>
    <@ts.actions>
      <@ts.button id="verify" label=msg("twoStepVerifyAndContinue") action="verify"/>
      <@ts.button id="resend" label=msg("twoStepSendAgain") action="resend" primary=false/>
      <@ts.button id="back" label=msg("twoStepChangeNumber") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
  <p class="two-step-hint">${msg("twoStepCodeHint")}</p>
</@ts.page>
