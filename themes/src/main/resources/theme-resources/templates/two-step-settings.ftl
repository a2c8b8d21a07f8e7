<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepSettingsTitle")>
  <@ts.form id="two-step-settings-form">
    <ul id="two-step-settings" class="two-step-summary">
      <li id="settings-primary">${msg("twoStepPrimaryLabel")} <strong><@ts.methodLine method=twoStep.primary/></strong>
        <@ts.button id="change-primary" label=msg("twoStepChange") action="change-primary" primary=false block=false/></li>
      <li id="settings-backup">${msg("twoStepBackupLabel")} <strong><@ts.methodLine method=twoStep.backup/></strong>
        <@ts.button id="change-backup" label=msg("twoStepChange") action="change-backup" primary=false block=false/></li>
      <li id="settings-devices">${msg("twoStepTrustedDevicesCount", twoStep.trustedDevices)}</li>
    </ul>
    <#if twoStep.offerSignOut>
      <p id="sign-out-offer">${msg("twoStepSignOutOthersOffer")}</p>
    </#if>
    <@ts.actions>
      <@ts.button id="done" label=msg("twoStepSettingsDone") action="done"/>
      <#if twoStep.offerSignOut>
        <@ts.button id="sign-out-others" label=msg("twoStepSignOutOthers") action="sign-out-others" primary=false/>
      </#if>
      <#if twoStep.swappable>
        <@ts.button id="swap" label=msg("twoStepSwap") action="swap" primary=false/>
      </#if>
      <@ts.button id="require-codes" label=msg("twoStepRequireCodesEverywhere") action="require-codes" primary=false/>
      <@ts.button id="disable" label=msg("twoStepDisable") action="disable" primary=false danger=true/>
      <#-- Once something was done here, "Cancel" would promise an undo that does not exist. -->
      <#if !twoStep.acted><@ts.cancelButton/></#if>
    </@ts.actions>
  </@ts.form>
</@ts.page>
