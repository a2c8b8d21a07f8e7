<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDisabledTitle")>
  <p id="two-step-disabled">${msg("twoStepDisabledText")}</p>
  <#-- Restarting the flow is the way back: the password, then the enrollment, then the app. -->
  <@ts.actions>
    <a id="sign-in-again" href="${url.loginRestartFlowUrl}"
       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("twoStepSignInAgain")}</a>
  </@ts.actions>
</@ts.page>
