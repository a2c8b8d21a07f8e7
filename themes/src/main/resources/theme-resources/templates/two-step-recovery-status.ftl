<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepRecoveryStatusTitle")>
  <p id="recovery-status" data-status="${twoStep.status}">
    <#if twoStep.status = "PENDING">${msg("twoStepRecoveryPending")}
    <#elseif twoStep.status = "APPROVED">${msg("twoStepRecoveryApproved")}
    <#else>${msg("twoStepRecoveryRejected", twoStep.reason)}</#if>
  </p>
  <@ts.form id="two-step-recovery-status-form">
    <@ts.actions>
      <#if twoStep.status = "REJECTED">
        <@ts.button id="new-request" label=msg("twoStepRecoveryNewRequest") action="new"/>
      </#if>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
