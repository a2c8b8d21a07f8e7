<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepAlmostDone")>
  <ul id="two-step-summary" class="two-step-summary">
    <li>${msg("twoStepPrimaryLabel")} <strong><@ts.methodLine method=twoStep.primary/></strong></li>
    <li>${msg("twoStepBackupLabel")} <strong><@ts.methodLine method=twoStep.backup/></strong></li>
  </ul>
  <#if twoStep.trustsDevices><p>${msg("twoStepTrustIntro")}</p></#if>
  <@ts.form id="two-step-done-form">
    <#if twoStep.trustsDevices>
      <@ts.checkbox name="trustDevice" label=msg("twoStepTrustDevice") hint=msg("twoStepTrustDeviceHint")/>
    </#if>
    <@ts.actions>
      <@ts.button id="finish" label=msg("twoStepTurnOn") action="finish"/>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
