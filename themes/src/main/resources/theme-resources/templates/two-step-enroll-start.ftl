<#import "two-step.ftl" as ts>
<#-- The first page of 2SV for a seller without it: what it is for, what to have at hand, and the way in. -->
<@ts.page header=msg(twoStep.fromSettings?then("twoStepSettingsTitle", "twoStepStartTitle"))>
  <div id="two-step-start">
    <p><#if twoStep.fromSettings>${msg("twoStepSettingsOff")}<#else>${msg("twoStepStartText")}</#if></p>
    <p>${msg("twoStepStartNeeds")}</p>
    <ul class="two-step-needs">
      <li>${msg("twoStepStartNeedPhone")}</li>
      <li>${msg("twoStepStartNeedApp")}</li>
    </ul>
    <p>${msg("twoStepStartBackup")}</p>
  </div>
  <@ts.form id="two-step-start-form">
    <@ts.actions>
      <@ts.button id="start" label=msg(twoStep.fromSettings?then("twoStepGetStarted", "twoStepEnable")) action="start"/>
    </@ts.actions>
  </@ts.form>
  <@ts.signInAsAnother/>
</@ts.page>
