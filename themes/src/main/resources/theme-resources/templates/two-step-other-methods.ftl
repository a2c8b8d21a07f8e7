<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDidntReceive")>
  <p>${msg("twoStepOtherMethodsIntro")}</p>
  <@ts.form id="two-step-other-form">
    <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg("twoStepDidntReceive")}">
      <#list twoStep.others as option>
        <@ts.radio name="method" value=option.id checked=(option?index = 0)><@ts.optionLabel option=option/></@ts.radio>
      </#list>
    </div>
    <@ts.actions>
      <@ts.button id="use" label=msg("twoStepContinue") action="use"/>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
    <#if (twoStep.recovery)??>
      <#-- A seller who sent a request hears of it here at once, with the reviewer's reason. -->
      <h2 class="two-step-subtitle">${msg("twoStepRecoveryStatusTitle")}</h2>
      <p id="recovery-news" data-status="${twoStep.recovery.status}"><@ts.recoveryStatus news=twoStep.recovery/></p>
      <@ts.actions>
        <@ts.button id="recovery-status" label=msg("twoStepRecoverySeeRequest") action="recovery-start" primary=false/>
      </@ts.actions>
    <#else>
      <h2 class="two-step-subtitle">${msg("twoStepLostEverything")}</h2>
      <p>${msg("twoStepLostEverythingText")}</p>
      <@ts.actions>
        <@ts.button id="recovery" label=msg("twoStepStartRecovery") action="recovery" primary=false/>
      </@ts.actions>
    </#if>
  </@ts.form>
</@ts.page>
