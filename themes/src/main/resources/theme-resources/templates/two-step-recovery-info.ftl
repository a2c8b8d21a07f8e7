<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepRecoveryTitle")>
  <div id="two-step-recovery-info">
    <p>${msg("twoStepRecoveryText1")}</p>
    <p>${msg("twoStepRecoveryText2")}</p>
    <p>${msg("twoStepRecoveryText3")}</p>
    <#if !twoStep.recoveryInstalled>
      <p id="recovery-unavailable">${msg("twoStepRecoveryUnavailable")}</p>
    <#elseif !twoStep.recoverable>
      <p>${msg("twoStepRecoveryFromSignIn")}</p>
    </#if>
  </div>
  <@ts.form id="two-step-recovery-form">
    <@ts.actions>
      <#if twoStep.recoverable>
        <@ts.button id="start-recovery" label=msg("twoStepStartRecovery") action="recovery-start"/>
      </#if>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
