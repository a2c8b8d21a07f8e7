<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDisabledTitle")>
  <p id="two-step-disabled">${msg("twoStepDisabledText")}</p>
</@ts.page>
