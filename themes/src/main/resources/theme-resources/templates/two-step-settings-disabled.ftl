<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDisabledTitle")>
  <p id="two-step-disabled">${msg("twoStepDisabledText")}</p>
  <#-- Restarting the flow is the way back: the password, then the enrollment, then the app. -->
  <@ts.signInAgain href=(twoStep.signInAgainUrl)!url.loginRestartFlowUrl/>
</@ts.page>
