<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDisableTitle")>
  <p>${msg("twoStepDisableWarning")}</p>
  <@ts.form id="two-step-disable-form">
    <@ts.actions>
      <@ts.button id="confirm-disable" label=msg("twoStepDisableConfirm") action="confirm-disable" danger=true/>
      <@ts.button id="cancel" label=msg("twoStepDisableCancel") action="cancel" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
