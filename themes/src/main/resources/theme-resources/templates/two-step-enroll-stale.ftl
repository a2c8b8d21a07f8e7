<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepEnrollStaleTitle")>
  <p id="two-step-enroll-stale">${msg("twoStepEnrollStaleText")}</p>
  <@ts.signInAgain/>
</@ts.page>
