<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepSettingsTitle")>
  <ul id="two-step-settings" class="two-step-summary">
    <li id="settings-primary">${msg("twoStepPrimaryLabel")} <strong><@ts.methodLine method=twoStep.primary/></strong></li>
    <li id="settings-backup">${msg("twoStepBackupLabel")} <strong><@ts.methodLine method=twoStep.backup/></strong></li>
    <li id="settings-devices">${msg("twoStepTrustedDevicesCount", twoStep.trustedDevices)}</li>
  </ul>
  <@ts.form id="two-step-settings-form">
    <@ts.actions>
      <@ts.button id="done" label=msg("twoStepSettingsDone") action="done"/>
      <@ts.button id="require-codes" label=msg("twoStepRequireCodesEverywhere") action="require-codes" primary=false/>
      <@ts.button id="disable" label=msg("twoStepDisable") action="disable" primary=false/>
      <@ts.cancelButton/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
