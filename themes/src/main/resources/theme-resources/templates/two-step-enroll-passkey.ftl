<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepPasskeyTitle") fields=[]>
  <p>${msg("twoStepPasskeyIntro")}</p>
  <@ts.help id="what-passkey" summary=msg("twoStepPasskeyWhat")>
    <p>${msg("twoStepPasskeyWhatText")}</p>
  </@ts.help>
  <@ts.passkeyRegister input=twoStep.passkey/>
  <@ts.form id="two-step-passkey-form">
    <@ts.actions>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
