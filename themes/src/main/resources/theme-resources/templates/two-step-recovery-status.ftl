<#import "two-step.ftl" as ts>
<#-- An approval shows "Continue" only in the browser that sent the request; elsewhere it explains why not. -->
<#assign approvedHere = twoStep.status = "APPROVED" && twoStep.thisBrowser>
<#assign approvedElsewhere = twoStep.status = "APPROVED" && !twoStep.thisBrowser>
<@ts.page header=msg("twoStepRecoveryStatusTitle")>
  <p id="recovery-status" data-status="${twoStep.status}" data-this-browser="${twoStep.thisBrowser?c}">
    <@ts.recoveryStatus news=twoStep/>
  </p>
  <@ts.form id="two-step-recovery-status-form">
    <@ts.actions>
      <#if approvedHere>
        <@ts.button id="continue" label=msg("twoStepContinue") action="back"/>
      <#else>
        <#if twoStep.status = "REJECTED" || approvedElsewhere>
          <@ts.button id="new-request" label=msg("twoStepRecoveryNewRequest") action="new"/>
        </#if>
        <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
      </#if>
    </@ts.actions>
  </@ts.form>
</@ts.page>
